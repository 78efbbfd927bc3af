/** Tables of the city's indicators (personalrörlighet, konsulter, VFU, …). */
export {};

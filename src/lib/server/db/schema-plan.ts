/** Tables of the action plan follow-up (handlingsplanens 13 områden) and incidents. */
export {};

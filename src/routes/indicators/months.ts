/** Swedish month names for the pages of the indicators (lower case, as written in Swedish). */
export const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

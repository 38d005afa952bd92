/** What the search form says when it cannot search: plain words, each naming what to do next. */
export const POSTCODE_NOT_FOUND = 'We could not find that postcode. Check it and try again, or enter just the first part, like LS1';
export const POSTCODE_MISSING = 'Enter a postcode, or just the first part, like LS1';
export const TREATMENT_NOT_FOUND = 'We could not find that treatment. Try a word like knee, eyes or skin.';
export const TREATMENT_MISSING = 'Enter the treatment you need. Try a word like knee, eyes or skin.';
export const LOCATION_FAILED = 'We could not get your location. Enter your postcode instead.';
export const LOCATION_OUTSIDE = 'Your location seems to be outside Great Britain. Enter your postcode instead.';

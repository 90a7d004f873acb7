// Words after which a full stop does not end a sentence, and words that, capitalized after an
// initialism such as "U.S.", show that a new sentence began. Hand-made from English style guides'
// lists of courtesy, military and civil titles and month abbreviations.
export const TITLE_ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Sen', 'Rep', 'Gov', 'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Cmdr', 'Adm', 'Sgt',
  'Cpl', 'Pvt', 'Rev', 'Hon', 'St', 'Jr', 'Sr', 'No', 'Nos', 'vs', 'etc', 'Inc', 'Corp', 'Ltd', 'Co', 'Jan', 'Feb',
  'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Mt', 'Ft', 'approx', 'est', 'Fig', 'e.g', 'i.e',
]);

/** Clock abbreviations: "9 a.m. Tuesday" goes on; "at 9 a.m. The next day" ends, as after an initialism. */
export const CLOCK_ABBREVIATIONS = new Set(['a.m', 'p.m', 'A.M', 'P.M']);

export const SENTENCE_STARTERS = new Set([
  'The', 'A', 'An', 'In', 'On', 'At', 'It', 'He', 'She', 'They', 'We', 'I', 'This', 'That', 'These', 'Those', 'But',
  'And', 'Or', 'So', 'Yet', 'However', 'Meanwhile', 'According', 'Officials', 'There', 'Its', 'His', 'Her', 'Their',
  'After', 'Before', 'When', 'While', 'If', 'As', 'Since', 'Last', 'Earlier', 'Later', 'Still', 'Both', 'One',
]);

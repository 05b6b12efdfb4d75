/** The content folder; CONTENT_DIR lets tests and the benchmark build other content with the same code. */
export const contentDir = process.env.CONTENT_DIR || 'content';

/** The topic taxonomy: the topics collection, and the input of the topics the paper loader caches. */
export const taxonomyFile = `${contentDir}/topics.yaml`;

import { convertSync } from '../../src/index.js';

/** The document fields of a notice's head, as the head tests compare them (title as printed, with its issuers). */
export const headFields = (text: string) => {
  const d = convertSync(text, { path: 'head.txt' }).document;
  return {
    title: d.fullTitle ?? d.title,
    issuers: d.issuers,
    docNumber: d.docNumber ?? null,
    date: d.date ?? null,
    recipients: d.recipients,
  };
};

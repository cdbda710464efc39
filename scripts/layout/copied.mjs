#!/usr/bin/env node
/**
 * The "copied texts" table of `npm run eval` alone (text copied out of producer PDFs by pdftotext, plain and
 * -layout, corpus/producers/text/), for checking a layout change quickly. Usage: node scripts/layout/copied.mjs
 * (after `npm run build`; the texts are made by `npm run fixtures:producers`).
 */
import process from 'node:process';
import { evalProducerTexts, producerTextsTable } from '../../dist/eval/producers.js';

process.stdout.write(producerTextsTable(evalProducerTexts()));

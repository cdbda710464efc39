/**
 * Every module that owns a grammar of grammars/, imported for its side effect: each registers its loader
 * (`registerGrammar`), so the build can check and cache them all, and a test can check that none is missed.
 */
import './parse/grammar.js';
import './repair/grammar.js';
import './repair/places.js';
import './layout/normalise.js';
import './layout/hardwrap.js';
import './layout/autospace.js';
import './layout/furniture.js';
import './extract/deadlines.js';
import './extract/targets.js';
import './extract/references.js';
import './extract/roles.js';
import './extract/units-gazetteer.js';
import './extract/keywords.js';
import './ingest/pdf/furniture-grammar.js';
import './diff/grammar.js';
import './ingest/table/header.js';

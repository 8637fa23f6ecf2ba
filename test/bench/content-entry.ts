// What test/bench/pages.mjs writes the no-JS light DOM from: the article and the English strings.
export {ARTICLE} from '../../src/content/article.js';
export {en} from '../../src/i18n/en.js';

// Stryker's `StringLiteral` mutants are on: a string that is compared, split on, written into a
// path, a date or a git argument is logic, and a test must notice it changed. Text for people is
// not: this ignorer leaves out the strings of a message, t('…', '…') (both languages), and a
// rule's description, fix and example (what `thidua explain` prints). A message's template with
// placeholders stays mutated: tests compare diagnostics with their full text.
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

const TEXT_KEYS = new Set(['description', 'fix', 'example']);

/** A string with nothing computed in it: 'text', "text" or `text`. */
function plainText(node) {
  return node.type === 'StringLiteral' || (node.type === 'TemplateLiteral' && node.expressions.length === 0);
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'text-for-people', {
    shouldIgnore(path) {
      const { node, parent } = path;
      if (!plainText(node) || !parent) return undefined;
      if (parent.type === 'CallExpression' && parent.callee.type === 'Identifier' && parent.callee.name === 't')
        return 'text for people: a message, in Vietnamese and English';
      if (
        parent.type === 'ObjectProperty' &&
        parent.value === node &&
        !parent.computed &&
        parent.key.type === 'Identifier' &&
        TEXT_KEYS.has(parent.key.name)
      )
        return `text for people: a rule's ${parent.key.name}, printed by thidua explain`;
      return undefined;
    },
  }),
];

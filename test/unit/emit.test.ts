/** Every record thidua writes reads back as exactly what was written, whatever the text and ids. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderBallotFile, renderNominationFile } from '../../src/core/record-files.js';
import { parseYamlFile } from '../../src/core/yaml/parse-yaml-file.js';
import { BallotSchema, NominationSchema } from '../../src/core/schemas/round.js';
import { isUnambiguousId } from '../../src/core/yaml/emit.js';
import { renderAgencyYaml } from '../../src/core/init/agency-file.js';
import { AgencySchema } from '../../src/core/schemas/agency.js';

const TRICKY_IDS = [
  'null',
  'true',
  'false',
  '1e3',
  '0x1f',
  '0o17',
  '123',
  '1-2',
  'yes',
  'no',
  'on',
  'off',
  'nan',
  'inf',
  'nv1-mo-hinh',
];
const id = fc.oneof(fc.constantFrom(...TRICKY_IDS), fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/));
// Text a clerk types: Vietnamese letters, YAML's own punctuation, quotes, leading and trailing spaces.
const char = fc.constantFrom(...'aăâbđeêoôơuưyÀẢÃẠẤỆỨỰ "\'#:-{}[],&*!|>%@`?\\/ 0123'.split(''));
const text = fc
  .array(char, { minLength: 1, maxLength: 30 })
  .map((a) => a.join(''))
  .filter((s) => s.trim() !== '');
const date = fc.constantFrom('2016-11-20', '2025-01-31', '2024-02-29');

function load(path: string, text: string) {
  const parsed = parseYamlFile(path, new TextEncoder().encode(text));
  expect(parsed.diagnostics).toEqual([]);
  return parsed.value;
}

describe('the YAML emitter', () => {
  it('a ballot reads back as written, for any ids', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99999 }),
        fc.boolean(),
        fc.boolean(),
        fc.dictionary(id, fc.constantFrom('agree', 'disagree', 'abstain')),
        (serial, valid, written, votes) => {
          const ballot = { serial, valid, written, votes } as const;
          const back = BallotSchema.parse(load('records/2025/ballots/001.yaml', renderBallotFile(ballot)));
          expect(back).toEqual(ballot);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a nomination reads back as written, for any ids and text', () => {
    fc.assert(
      fc.property(
        id,
        id,
        id,
        text,
        fc.option(text, { nil: undefined }),
        date,
        fc.dictionary(id, fc.boolean()),
        fc.boolean(),
        (nid, dept, person, title, note, submitted, criteria, collective) => {
          const base = {
            id: nid,
            department: dept,
            title,
            submitted,
            criteria,
            ...(note !== undefined ? { note } : {}),
          };
          const n = collective
            ? { ...base, kind: 'collective' as const, initiative: `${title}\n  thụt dòng: ${title}\n` }
            : { ...base, kind: 'individual' as const, person };
          const back = NominationSchema.parse(load(`records/2025/nominations/${nid}.yaml`, renderNominationFile(n)));
          expect(back).toEqual(n);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('ids YAML would read as something else are told apart', () => {
    for (const bad of ['null', 'true', 'false', '1e3', '0x1f', '0o17', '123', '1.5'])
      expect(isUnambiguousId(bad), bad).toBe(false);
    for (const good of ['nv1', 'yes', 'no', '1-2', 'nan', 'vp-mo-hinh', 'e3'])
      expect(isUnambiguousId(good), good).toBe(true);
  });
});

describe('the new agency file', () => {
  it('reads back with the answers given, whatever they hold', () => {
    fc.assert(
      fc.property(
        text,
        text,
        fc.constantFrom('TTr', 'STP', 'UBND.T', 'null', '1e3'),
        text,
        text,
        text,
        (agency, parent, symbol, place, headName, headTitle) => {
          const answers = { agency, parent, symbol, place, headName, headTitle };
          const { text: yaml } = renderAgencyYaml(answers);
          const back = AgencySchema.parse(load('records/agency.yaml', yaml));
          expect([back.name, back.parent, back.symbol, back.place, back.head.name, back.head.title]).toEqual([
            agency,
            parent,
            symbol,
            place,
            headName,
            headTitle,
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

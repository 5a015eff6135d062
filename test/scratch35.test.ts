import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { PROJECT } from './helpers/workspace.js';
import { generateAgency } from './helpers/agency.js';
import { ok } from './helpers/round.js';

it('scratch', async () => {
  const a = generateAgency({
    seed: 5,
    level: (process.env['LEVEL'] ?? 'xa') as 'xa',
    councilSize: 7,
    departments: 3,
    threshold: { numerator: 1, denominator: 2, of: 'members' },
  });
  writeFileSync(join(a.root, 'records/titles.yaml'), readFileSync(join(PROJECT, 'records/titles.yaml'), 'utf8'));
  writeFileSync(join(a.root, 'records/criteria.yaml'), readFileSync(join(PROJECT, 'records/criteria.yaml'), 'utf8'));
  rmSync(join(a.root, `records/${a.year}/nominations`), { recursive: true, force: true });
  const y = a.year;
  const sub = ['--met', 'all', '--submitted', `20/11/${y}`];
  for (const d of a.departments) {
    const inDept = a.people.filter((p) => p.department === d.id);
    for (const p of inDept)
      await ok(
        a,
        'nominate',
        String(y),
        '--award',
        'lao-dong-tien-tien',
        '--title',
        'Hoàn thành tốt nhiệm vụ',
        '--department',
        d.id,
        '--person',
        p.id,
        ...sub,
      );
    await ok(
      a,
      'nominate',
      String(y),
      '--award',
      'tap-the-lao-dong-tien-tien',
      '--title',
      'Hoàn thành tốt nhiệm vụ',
      '--department',
      d.id,
      ...sub,
    );
  }
  const d0 = a.departments[1]!;
  const star = a.people.find((p) => p.department === d0.id && !p.leader)!;
  await ok(
    a,
    'nominate',
    String(y),
    '--award',
    'chien-si-thi-dua-co-so',
    '--title',
    'Sáng kiến số hoá',
    '--department',
    d0.id,
    '--person',
    star.id,
    '--initiative',
    'Mô tả.',
    ...sub,
  );
  await ok(
    a,
    'nominate',
    String(y),
    '--award',
    'tap-the-lao-dong-xuat-sac',
    '--title',
    'Hoàn thành xuất sắc',
    '--department',
    d0.id,
    '--initiative',
    'Mô tả.',
    ...sub,
  );
  const ids = readdirSync(join(a.root, `records/${y}/nominations`)).map((f) => f.replace(/\.yaml$/, ''));
  for (let k = 0; k < 7; k++) await ok(a, 'ballot', String(y), ...ids.flatMap((id) => ['--vote', `${id}=agree`]));
  await ok(a, 'tally', String(y), '--seal');
  await ok(
    a,
    'decide',
    String(y),
    '--number',
    '4',
    '--date',
    `${y + 1}-01-20`,
    '--signer',
    'Đỗ Thị Hằng',
    '--signer-title',
    'Phó Chủ tịch',
    '--sign-as',
    'KT',
  );
  await ok(a, 'render', 'all', String(y));
  writeFileSync('/tmp/tmp-35/scratch-root', a.root);
}, 120000);

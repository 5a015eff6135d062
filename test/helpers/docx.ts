/** The text of a .docx as Word shows it: one line per paragraph, tabs kept, entities decoded. */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

export function docxParagraphs(path: string): string[] {
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(path)))['word/document.xml']!);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) =>
    m[0]
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

export function docxText(path: string): string {
  return docxParagraphs(path).join('\n');
}

import { describe, expect, it } from 'vitest';
import { XmlScanner } from './zip-inspect.js';

const scan = (xml: string, chunk = xml.length, limits = { xmlDepth: 64, sharedStrings: 1000 }) => {
  const scanner = new XmlScanner(limits);
  const bytes = Buffer.from(xml);
  for (let i = 0; i < bytes.length; i += chunk) scanner.write(bytes.subarray(i, i + chunk));
  return scanner;
};

describe('XmlScanner', () => {
  const xml =
    '<?xml version="1.0"?><sst a=">" b=\'/>\'><si><t>a &lt; b</t></si><x:si><t>b<!-- </t></si></sst> --></t></x:si><six/><si/><![CDATA[</a></a>]]></sst>';

  it('counts depth and shared strings the same whatever the chunk boundaries', () => {
    for (const chunk of [1, 2, 3, 7, xml.length]) {
      const s = scan(xml, chunk);
      expect([s.depth, s.sharedStrings], `chunk ${chunk}`).toEqual([0, 3]);
    }
  });

  it('stops at the depth and shared-string limits, and at a DOCTYPE', () => {
    expect(() => scan('<a>'.repeat(65))).toThrow(/嵌套超过 64 层/);
    expect(() => scan('<a/>'.repeat(10_000))).not.toThrow();
    expect(() => scan(`<sst>${'<si><t>x</t></si>'.repeat(1001)}</sst>`)).toThrow(/过大/);
    expect(() => scan('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>', 3)).toThrow(/DOCTYPE/);
    // Closing tags inside a comment do not hide depth.
    expect(() => scan(`${'<a>'.repeat(60)}<!-- ${'</a>'.repeat(60)} -->${'<a>'.repeat(10)}`)).toThrow(/嵌套/);
  });
});

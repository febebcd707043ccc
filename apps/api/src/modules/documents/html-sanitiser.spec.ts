import { sanitiseDocumentHtml } from './html-sanitiser';

describe(sanitiseDocumentHtml.name, () => {
  it.each([
    ['<p>a<script>alert(1)</script></p>', '<p>a</p>'],
    ['<p onclick="steal()">a</p>', '<p>a</p>'],
    ['<img src=x onerror="steal()">', ''],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'],
    ['<iframe src="https://evil.example"></iframe><p>ok</p>', '<p>ok</p>'],
    ['<p style="background:url(https://evil.example)">a</p>', '<p>a</p>'],
    ['<svg><script>alert(1)</script></svg>', ''],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', 'x'],
  ])('removes what runs or fetches: %s', (input, expected) => {
    expect(sanitiseDocumentHtml(input)).toBe(expected);
  });

  it('keeps the formatting a despacho needs', () => {
    const html =
      '<h2>DESPACHO</h2><p class="text-justify"><strong>Vistos.</strong> Oficie-se a <em>Secretaria</em>.</p><ol><li>um</li></ol><table><tbody><tr><td colspan="2">x</td></tr></tbody></table>';
    expect(sanitiseDocumentHtml(html)).toBe(html);
  });
});

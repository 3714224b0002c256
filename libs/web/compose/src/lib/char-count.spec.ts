import { countCharacters } from './char-count';

describe('countCharacters', () => {
  it('counts as the platform does: X counts every link as 23 characters and an emoji once', () => {
    const text = 'Read this 👉 https://example.com/a/very/long/path/that/keeps/going?with=query';
    expect(countCharacters(text, 'twitter').length).toBe('Read this 👉 '.length - 1 + 23);
    expect(countCharacters(text, 'linkedin').length).toBe([...text].length);
  });

  it('says whether the length is short, optimal, long or over the limit', () => {
    expect(countCharacters('', 'twitter')).toMatchObject({ status: 'empty', max: 280, hint: 'Best on X (Twitter): 70–110 characters.' });
    expect(countCharacters('x'.repeat(20), 'twitter').status).toBe('short');
    expect(countCharacters('x'.repeat(90), 'twitter').status).toBe('optimal');
    expect(countCharacters('x'.repeat(280), 'twitter').status).toBe('long');
    const over = countCharacters('x'.repeat(283), 'twitter');
    expect(over).toMatchObject({ status: 'over', length: 283 });
    expect(over.hint).toBe("3 characters over X (Twitter)'s limit of 280.");
    // The same text is fine on LinkedIn.
    expect(countCharacters('x'.repeat(283), 'linkedin')).toMatchObject({ status: 'optimal', max: 3000 });
  });
});

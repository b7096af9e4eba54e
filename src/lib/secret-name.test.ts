// @vitest-environment node
import {
  describeCharacter,
  secretNameError,
  secretNameIssue,
  splitKeyValue,
  upperSnakeSuggestion,
  valueSizeError,
  valueWhitespaceWarning,
} from './secret-name';
import { MAX_VALUE_BYTES } from '@/api/contract-http';

describe('secretNameIssue', () => {
  it.each(['STRIPE_API_KEY', '_PRIVATE', 'a', 'lower_case_ok', 'K1', 'A'.repeat(256)])('accepts %j', (name) => {
    expect(secretNameIssue(name)).toBeNull();
    expect(secretNameError(name)).toBeNull();
  });

  it('requires a name', () => {
    expect(secretNameError('')).toBe('Enter a name, e.g. STRIPE_API_KEY.');
  });

  it('rejects a leading digit', () => {
    expect(secretNameIssue('1KEY')).toEqual({ kind: 'leading-digit' });
    expect(secretNameError('1KEY')).toBe('A name must not start with a digit.');
  });

  it('rejects more than 256 characters', () => {
    expect(secretNameIssue('A'.repeat(257))).toEqual({ kind: 'too-long', length: 257 });
    expect(secretNameError('A'.repeat(257))).toMatch(/at most 256 characters; this one has 257/);
  });

  it('says which whitespace character and where', () => {
    expect(secretNameError('API KEY')).toBe('Remove a space at position 4: a name has no spaces or invisible characters.');
    expect(secretNameError('KEY\t')).toMatch(/^Remove a tab at position 4/);
    expect(secretNameError('KEY\n')).toMatch(/^Remove a line break at position 4/);
    expect(secretNameError('A\u00a0B')).toMatch(/no-break space \(U\+00A0\) at position 2/);
  });

  it('names invisible characters with their code point', () => {
    expect(secretNameError('STRIPE\u200bKEY')).toBe(
      'Remove an invisible character (U+200B ZERO WIDTH SPACE) at position 7: a name has no spaces or invisible characters.',
    );
    expect(secretNameError('\ufeffKEY')).toMatch(/U\+FEFF ZERO WIDTH NO-BREAK SPACE\) at position 1/);
    expect(secretNameError('KEY\u202e')).toMatch(/U\+202E RIGHT-TO-LEFT OVERRIDE/);
    expect(secretNameError('K\u0001')).toMatch(/an invisible character \(U\+0001\) at position 2/);
  });

  it('reports whitespace before other problems, and counts positions in characters', () => {
    expect(secretNameError('1 A')).toMatch(/a space at position 2/);
    expect(secretNameError('🔑 KEY')).toMatch(/a space at position 2/);
  });

  it('rejects other characters, saying which', () => {
    expect(secretNameError('STRIPE-KEY')).toBe('“-” at position 7 is not allowed: use letters, digits and _.');
    expect(secretNameError('CLÉ')).toMatch(/“É” at position 3/);
    expect(secretNameError('KEY🔑')).toMatch(/“🔑” at position 4/);
  });
});

describe('describeCharacter', () => {
  it('describes characters in words', () => {
    expect(describeCharacter(' ')).toBe('a space');
    expect(describeCharacter('\u200d')).toBe('an invisible character (U+200D ZERO WIDTH JOINER)');
    expect(describeCharacter('\u2003')).toBe('a space (U+2003)');
    expect(describeCharacter('$')).toBe('“$”');
  });
});

describe('upperSnakeSuggestion', () => {
  it('offers UPPER_SNAKE_CASE for lower-case and camelCase names', () => {
    expect(upperSnakeSuggestion('stripe_key')).toBe('STRIPE_KEY');
    expect(upperSnakeSuggestion('stripeKey')).toBe('STRIPE_KEY');
    expect(upperSnakeSuggestion('Stripe_Key')).toBe('STRIPE_KEY');
  });

  it('fixes separators and invisible characters', () => {
    expect(upperSnakeSuggestion('stripe-key')).toBe('STRIPE_KEY');
    expect(upperSnakeSuggestion('stripe key')).toBe('STRIPE_KEY');
    expect(upperSnakeSuggestion('stripe\u200bkey')).toBe('STRIPEKEY');
  });

  it('offers nothing when the name already is upper snake case or cannot be made valid', () => {
    expect(upperSnakeSuggestion('STRIPE_KEY')).toBeNull();
    expect(upperSnakeSuggestion('E2E_KEY_2FA')).toBeNull();
    expect(upperSnakeSuggestion('OAUTH2CLIENT_ID')).toBeNull();
    expect(upperSnakeSuggestion('1key')).toBeNull();
    expect(upperSnakeSuggestion('clé')).toBeNull();
    expect(upperSnakeSuggestion('')).toBeNull();
  });
});

describe('splitKeyValue', () => {
  it('splits KEY=value, keeping the value exactly', () => {
    expect(splitKeyValue('STRIPE_KEY=sk_test_123')).toEqual({ name: 'STRIPE_KEY', value: 'sk_test_123' });
    expect(splitKeyValue('K= a=b ')).toEqual({ name: 'K', value: ' a=b ' });
    expect(splitKeyValue('K=')).toEqual({ name: 'K', value: '' });
  });

  it('understands .env lines', () => {
    expect(splitKeyValue('export API_KEY="x y"\n')).toEqual({ name: 'API_KEY', value: 'x y' });
    expect(splitKeyValue("K='v'")).toEqual({ name: 'K', value: 'v' });
    expect(splitKeyValue('K=line1\nline2')).toEqual({ name: 'K', value: 'line1\nline2' });
  });

  it('leaves other text alone', () => {
    expect(splitKeyValue('STRIPE_KEY')).toBeNull();
    expect(splitKeyValue('=value')).toBeNull();
    expect(splitKeyValue('1KEY=value')).toBeNull();
    expect(splitKeyValue('MY KEY=value')).toBeNull();
  });
});

describe('valueWhitespaceWarning', () => {
  it('points out leading and trailing whitespace and a final line break', () => {
    expect(valueWhitespaceWarning('abc')).toBeNull();
    expect(valueWhitespaceWarning('')).toBeNull();
    expect(valueWhitespaceWarning('a\nb')).toBeNull();
    expect(valueWhitespaceWarning('abc\n')).toBe('The value ends with a line break. It is saved exactly as typed.');
    expect(valueWhitespaceWarning(' abc')).toBe('The value starts with a space. It is saved exactly as typed.');
    expect(valueWhitespaceWarning('  abc\t')).toBe('The value starts with 2 spaces and ends with a tab. It is saved exactly as typed.');
    expect(valueWhitespaceWarning('   ')).toBe('The value is only whitespace.');
  });
});

describe('valueSizeError', () => {
  it('accepts a value of exactly the limit, counted in UTF-8 bytes', () => {
    expect(valueSizeError('x'.repeat(MAX_VALUE_BYTES))).toBeNull();
    expect(valueSizeError('é'.repeat(MAX_VALUE_BYTES / 2))).toBeNull();
  });

  it('refuses one byte more, saying how large it is and what the limit is', () => {
    expect(valueSizeError('x'.repeat(MAX_VALUE_BYTES + 1))).toBe(
      'The value is 1,048,577 bytes of UTF-8; a value can be at most 1,048,576 bytes (1 MiB). Shorten it to save it.',
    );
    expect(valueSizeError(`${'é'.repeat(MAX_VALUE_BYTES / 2)}x`)).toMatch(/^The value is 1,048,577 bytes/);
    expect(valueSizeError('🔐'.repeat(MAX_VALUE_BYTES / 4 + 1))).toMatch(/^The value is 1,048,580 bytes/);
  });

  it('counts like UTF-8 itself at the limit: 1-, 2-, 3- and 4-byte characters and a lone surrogate', () => {
    const encoded = (text: string) => new TextEncoder().encode(text).length;
    for (const unit of ['a', 'é', '€', '🔐', '\ud800']) {
      for (const extra of [0, 1]) {
        const text = `${'x'.repeat(MAX_VALUE_BYTES - encoded(unit) + extra)}${unit}`;
        expect(valueSizeError(text) === null, JSON.stringify(unit) + extra).toBe(encoded(text) <= MAX_VALUE_BYTES);
      }
      // Past the limit, the size said is UTF-8's own, far beyond the limit too.
      const big = `${unit}${'é'.repeat(MAX_VALUE_BYTES)}${unit}`;
      expect(valueSizeError(big), JSON.stringify(unit)).toContain(`is ${encoded(big).toLocaleString('en')} bytes`);
    }
  });
});

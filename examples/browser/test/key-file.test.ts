import { describe, expect, it } from 'vitest';
import { KeyFileError, parseKeyFile, readKeyFile } from '../src/app/key-file.js';

const key = '0123456789abcdef0123456789abcdef';

describe('the API key file', () => {
  it('yields the api_key of the JSON PHAS downloads', () => {
    expect(parseKeyFile(`{"api_key": "${key}"}\n`)).toBe(key);
  });

  it('reads a picked file', async () => {
    expect(await readKeyFile(new Blob([JSON.stringify({ api_key: ` ${key} ` })]))).toBe(key);
  });

  it.each([
    ['not JSON', 'api_key=secret-value', /not JSON/],
    ['no api_key', '{"key": "secret-value"}', /no "api_key"/],
    ['empty api_key', '{"api_key": "  "}', /no "api_key"/],
    ['a number', '{"api_key": 42}', /no "api_key"/],
    ['an array', '["secret-value"]', /no "api_key"/],
  ])('refuses %s without echoing the content', (_, text, message) => {
    let caught: unknown;
    try {
      parseKeyFile(text);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(KeyFileError);
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).not.toContain('secret-value');
  });

  it('refuses a file far too large to be a key file', async () => {
    await expect(readKeyFile(new Blob([' '.repeat(70_000)]))).rejects.toThrow(KeyFileError);
  });
});

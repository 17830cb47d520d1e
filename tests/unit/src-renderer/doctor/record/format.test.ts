import { describe, expect, it } from 'vitest';
import { countOf, errorText } from '../../../../../src-renderer/doctor/record/format.js';

describe('errorText', () => {
  it('puts the form label where a call names its field', () => {
    expect(errorText('displayName: enter the name, or only a pseudonymous code', 'displayName')).toBe(
      'Name: enter the name, or only a pseudonymous code',
    );
    expect(errorText('birthDate: lies in the future', 'birthDate')).toBe('Date of birth: lies in the future');
    expect(errorText('change.after.reason: too long', 'change.after.reason')).toBe('Reason: too long');
  });

  it('drops an unknown field name rather than showing it, and leaves plain sentences alone', () => {
    expect(errorText('findings.painSince: lies in the future', 'findings.painSince')).toBe('Lies in the future');
    expect(errorText('Another patient already has the code X.', 'code')).toBe(
      'Another patient already has the code X.',
    );
  });
});

describe('countOf', () => {
  it('says "1 slide" and "7 slides"', () => {
    expect(countOf(1, 'slide')).toBe('1 slide');
    expect(countOf(0, 'slide')).toBe('0 slides');
    expect(countOf(7, 'slide')).toBe('7 slides');
    expect(countOf(2, 'warning')).toBe('2 warnings');
  });
});

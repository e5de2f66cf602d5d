import { describe, expect, it } from 'vitest';
import { editorPath, matchRoute } from './matchRoute';

describe('matchRoute', () => {
  it('finds the library at the root', () => {
    expect(matchRoute('/')).toEqual({ name: 'library' });
  });

  it('finds Insights, with or without a trailing slash', () => {
    expect(matchRoute('/insights')).toEqual({ name: 'insights' });
    expect(matchRoute('/insights/')).toEqual({ name: 'insights' });
    expect(matchRoute('/insights/x')).toEqual({ name: 'notFound' });
  });

  it('finds the editor with its analysis id, with or without a trailing slash', () => {
    expect(matchRoute('/a/abc123')).toEqual({ name: 'editor', analysisId: 'abc123' });
    expect(matchRoute('/a/abc123/')).toEqual({ name: 'editor', analysisId: 'abc123' });
  });

  it('round-trips ids through editorPath', () => {
    expect(matchRoute(editorPath('x y'))).toEqual({ name: 'editor', analysisId: 'x y' });
  });

  it('finds the new-case form, a case and a customer by id', () => {
    expect(matchRoute('/cases/new')).toEqual({ name: 'cases-new' });
    expect(matchRoute('/cases/c123/')).toEqual({ name: 'case', caseId: 'c123' });
    expect(matchRoute('/customers/u%20v')).toEqual({ name: 'customer', customerId: 'u v' });
    expect(matchRoute('/cases/')).toEqual({ name: 'notFound' });
    expect(matchRoute('/cases/c1/more')).toEqual({ name: 'notFound' });
    expect(matchRoute('/customers/%E0%A4%A')).toEqual({ name: 'notFound' });
  });

  it('reports anything else as not found', () => {
    expect(matchRoute('/a/')).toEqual({ name: 'notFound' });
    expect(matchRoute('/a/x/y')).toEqual({ name: 'notFound' });
    expect(matchRoute('/elsewhere')).toEqual({ name: 'notFound' });
    expect(matchRoute('/a/%E0%A4%A')).toEqual({ name: 'notFound' });
  });
});

import { capabilitiesOf, PROFILE_CAPABILITIES } from './capabilities';
import { PROFILES } from './profiles';

describe(capabilitiesOf.name, () => {
  it('gives every profile at least one capability', () => {
    for (const profile of PROFILES) expect(PROFILE_CAPABILITIES[profile].length).toBeGreaterThan(0);
  });

  it('never lets MANAGER act on processes or sign (DOMAIN §1)', () => {
    expect(capabilitiesOf(['MANAGER'])).not.toContain('processes.act');
    expect(capabilitiesOf(['MANAGER'])).not.toContain('documents.sign');
  });

  it('keeps INSPECTOR read-only', () => {
    expect(capabilitiesOf(['INSPECTOR'])).toEqual(['processes.read_all', 'reports.read', 'audit.read']);
  });

  it('unites the capabilities of several assignments, without repeats', () => {
    const both = capabilitiesOf(['MEMBER', 'MANAGER', 'MEMBER']);
    expect(both).toEqual(expect.arrayContaining(['processes.act', 'docket.manage']));
    expect(new Set(both).size).toBe(both.length);
  });

  it('gives nothing for no profile', () => {
    expect(capabilitiesOf([])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { featureFlagOn, featureFlagsOf, isFeatureOn, rolloutBucket } from './feature-flags.js';

const tenant = (featureFlags: unknown) => ({ settings: { featureFlags } });

describe('feature flags', () => {
  it('is on for everyone when enabled at 100 %, off for everyone when disabled or unknown', () => {
    const t = tenant({ search: { enabled: true }, wishlist: { enabled: false, rollout: 100 } });
    expect(isFeatureOn(t, 'search')).toBe(true);
    expect(isFeatureOn(t, 'search', 'user-1')).toBe(true);
    expect(isFeatureOn(t, 'wishlist', 'user-1')).toBe(false);
    expect(isFeatureOn(t, 'unknown', 'user-1')).toBe(false);
    expect(isFeatureOn({ settings: {} }, 'search')).toBe(false);
  });

  it('leaves malformed entries out', () => {
    expect(Object.keys(featureFlagsOf(tenant({ a: { enabled: true }, b: { enabled: 'yes' }, c: null, d: 3 })))).toEqual(['a']);
    expect(featureFlagsOf(tenant('nope'))).toEqual({});
  });

  it('turns a partial rollout on for about that share of subjects, the same ones every time', () => {
    const flag = { enabled: true, rollout: 30 };
    const subjects = Array.from({ length: 10_000 }, (_, i) => `user-${i}`);
    const on = subjects.filter((s) => featureFlagOn(flag, 'checkout.v2', s));
    expect(on.length).toBeGreaterThan(2_800);
    expect(on.length).toBeLessThan(3_200);
    expect(subjects.filter((s) => featureFlagOn(flag, 'checkout.v2', s))).toEqual(on);
    // Without a subject a partial rollout is off; at 0 % it is off for everyone.
    expect(featureFlagOn(flag, 'checkout.v2')).toBe(false);
    expect(subjects.some((s) => featureFlagOn({ enabled: true, rollout: 0 }, 'checkout.v2', s))).toBe(false);
  });

  it('keeps a subject on as the rollout grows, and spreads subjects afresh per flag', () => {
    const subjects = Array.from({ length: 2_000 }, (_, i) => `customer-${i}`);
    const at10 = subjects.filter((s) => featureFlagOn({ enabled: true, rollout: 10 }, 'a', s));
    const at50 = new Set(subjects.filter((s) => featureFlagOn({ enabled: true, rollout: 50 }, 'a', s)));
    expect(at10.every((s) => at50.has(s))).toBe(true);
    const otherFlag = new Set(subjects.filter((s) => featureFlagOn({ enabled: true, rollout: 10 }, 'b', s)));
    const shared = at10.filter((s) => otherFlag.has(s)).length;
    expect(shared).toBeLessThan(at10.length / 2);
    expect(rolloutBucket('a', 'customer-1')).toBeGreaterThanOrEqual(0);
    expect(rolloutBucket('a', 'customer-1')).toBeLessThan(100);
  });
});

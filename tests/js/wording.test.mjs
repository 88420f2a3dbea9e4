// The page writes numbers, money and dates by hand (www/wording.js) instead of through Intl, whose
// first formatter costs a fresh page tens of milliseconds. What a person reads must not change:
// each formatter is compared here with Intl's British English output over edge cases and a
// seeded spread of values of every magnitude the checker shows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatNumber, formatEuro, formatDate, formatLocalTime } from "../../www/wording.js";

const intlNumber = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 6 });
const intlEuro = new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const intlDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** A small deterministic generator, so that a failure names a value that can be replayed. */
function* spread(count) {
  let seed = 20251128;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < count; i++) {
    const magnitude = Math.floor(next() * 21) - 6; // 1e-6 .. 1e14
    const sign = next() < 0.2 ? -1 : 1;
    const value = sign * next() * 10 ** magnitude;
    yield next() < 0.3 ? Math.round(value) : value;
  }
}

const edges = [0, 1, -1, 7, 12, 14, 30, 72, 100, 999, 1000, 1001, 9999.5, 12345.678901, 0.5, 0.25, 0.1 + 0.2, 1 / 3, 2 / 3, 0.000001, 0.0000015, 123456789, 1e14, 999999999999999, -0.0000004];

test("formatNumber reads as Intl en-GB (grouping, up to 6 decimals) below 1e15", () => {
  for (const n of [...edges, ...spread(5000)]) {
    if (n !== 0 && Math.abs(n) < 1e-6) continue; // written in scientific notation, not by Intl
    const expected = intlNumber.format(n).replace(/^-0$/, "0");
    assert.equal(formatNumber(n), expected, `formatNumber(${n})`);
  }
});

test("formatNumber writes the very large and the very small in scientific notation", () => {
  assert.equal(formatNumber(1e25), "1e25");
  assert.equal(formatNumber(3.2e25), "3.2e25");
  assert.equal(formatNumber(1e15), "1e15");
  assert.equal(formatNumber(2.5e-7), "2.5e-7");
  assert.equal(formatNumber("12"), "12");
});

test("formatEuro reads as Intl's en-GB euro amounts in whole euros", () => {
  for (const n of [0, 1, 999, 1000, 15_000_000, 35_000_000, 7.5e6, 1234.5, 1235.5, -2500, ...[...spread(2000)].map((x) => Math.abs(x))]) {
    assert.equal(formatEuro(n), intlEuro.format(n).replace(/^-€0$/, "€0"), `formatEuro(${n})`);
  }
});

test("formatDate reads as Intl's en-GB long date, for every day of two years", () => {
  for (let day = Date.UTC(2027, 0, 1); day < Date.UTC(2029, 0, 1); day += 86_400_000) {
    const iso = new Date(day).toISOString().slice(0, 10);
    assert.equal(formatDate(iso), intlDate.format(new Date(day)), iso);
  }
  assert.equal(formatDate("2025-08-02"), "2 August 2025");
  assert.equal(formatDate("not a date"), "not a date");
  assert.equal(formatDate(undefined), "");
});

test("formatLocalTime writes a saved moment in local time, day month year and 24-hour time", () => {
  assert.equal(formatLocalTime(new Date(2026, 8, 3, 7, 5)), "3 Sep 2026, 07:05");
  assert.equal(formatLocalTime(new Date(2027, 11, 31, 23, 59)), "31 Dec 2027, 23:59");
  assert.equal(formatLocalTime(new Date(2028, 1, 29, 0, 0)), "29 Feb 2028, 00:00");
});

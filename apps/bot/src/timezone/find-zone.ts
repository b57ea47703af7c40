// Turns what a person gives us into an IANA zone: a shared location, a zone name typed in any
// case, or a city (in English, or a few common local spellings).

import { canonicalTimeZone, isTimeZone } from "@habits/core";
import tzLookup from "@photostructure/tz-lookup";

/** Buttons offered first: where our users mostly are, then the world's big zones. */
export const presetZones = [
  "Europe/Moscow",
  "Asia/Almaty",
  "Europe/Berlin",
  "Europe/London",
  "America/New_York",
  "Asia/Tokyo",
  "UTC",
] as const;

// Local spellings of cities whose zone name is English.
const aliases: Record<string, string> = {
  алматы: "Asia/Almaty",
  "алма-ата": "Asia/Almaty",
  астана: "Asia/Almaty",
  шымкент: "Asia/Almaty",
  караганда: "Asia/Almaty",
  қарағанды: "Asia/Almaty",
  ақтөбе: "Asia/Aqtobe",
  актобе: "Asia/Aqtobe",
  атырау: "Asia/Atyrau",
  орал: "Asia/Oral",
  уральск: "Asia/Oral",
  москва: "Europe/Moscow",
  "санкт-петербург": "Europe/Moscow",
  питер: "Europe/Moscow",
  новосибирск: "Asia/Novosibirsk",
  екатеринбург: "Asia/Yekaterinburg",
  бишкек: "Asia/Bishkek",
  ташкент: "Asia/Tashkent",
  киев: "Europe/Kyiv",
  київ: "Europe/Kyiv",
  минск: "Europe/Minsk",
  astana: "Asia/Almaty",
  "nur-sultan": "Asia/Almaty",
  kolkata: "Asia/Kolkata",
  kyiv: "Europe/Kyiv",
  kathmandu: "Asia/Kathmandu",
  "saint petersburg": "Europe/Moscow",
  "st petersburg": "Europe/Moscow",
  "new york": "America/New_York",
  "los angeles": "America/Los_Angeles",
  "san francisco": "America/Los_Angeles",
  beijing: "Asia/Shanghai",
  delhi: "Asia/Kolkata",
  mumbai: "Asia/Kolkata",
};

const normalize = (text: string) => text.trim().toLocaleLowerCase("ru").replaceAll("_", " ").replace(/\s+/g, " ");

let citiesByName: Map<string, string> | undefined;

/** Every zone's city part (`Asia/Ho_Chi_Minh` → "ho chi minh"), built once. */
function cities(): Map<string, string> {
  if (!citiesByName) {
    citiesByName = new Map();
    for (const zone of Intl.supportedValuesOf("timeZone")) {
      const city = zone.split("/").at(-1);
      if (city) citiesByName.set(normalize(city), canonicalTimeZone(zone));
    }
  }
  return citiesByName;
}

/** The zone a typed text names, or undefined. */
export function zoneFromText(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 64) return undefined;
  if (trimmed.includes("/") || /^utc$/i.test(trimmed)) {
    return isTimeZone(trimmed) ? canonicalTimeZone(trimmed) : undefined;
  }
  const key = normalize(trimmed);
  return aliases[key] ?? cities().get(key);
}

/** The zone at a shared location. */
export function zoneFromLocation(latitude: number, longitude: number): string | undefined {
  if (
    !Number.isFinite(latitude) ||
    !Number.isFinite(longitude) ||
    Math.abs(latitude) > 90 ||
    Math.abs(longitude) > 180
  ) {
    return undefined;
  }
  const zone = tzLookup(latitude, longitude);
  return isTimeZone(zone) ? canonicalTimeZone(zone) : undefined;
}

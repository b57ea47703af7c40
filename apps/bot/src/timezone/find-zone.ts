// Turns what a person gives us into an IANA zone: a shared location, a zone name typed in any
// case, a city (in English, or common Russian and Kazakh spellings), or a whole-hour offset
// ("UTC+5", "GMT-3"). Zones are kept under their current names (Europe/Kyiv, not Europe/Kiev).

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
  владивосток: "Asia/Vladivostok",
  хабаровск: "Asia/Vladivostok",
  красноярск: "Asia/Krasnoyarsk",
  иркутск: "Asia/Irkutsk",
  омск: "Asia/Omsk",
  самара: "Europe/Samara",
  калининград: "Europe/Kaliningrad",
  казань: "Europe/Moscow",
  "нижний новгород": "Europe/Moscow",
  киев: "Europe/Kyiv",
  київ: "Europe/Kyiv",
  минск: "Europe/Minsk",
  тбилиси: "Asia/Tbilisi",
  ереван: "Asia/Yerevan",
  баку: "Asia/Baku",
  душанбе: "Asia/Dushanbe",
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

const normalize = (text: string) =>
  text.trim().toLocaleLowerCase("ru").replaceAll("ё", "е").replaceAll("_", " ").replace(/\s+/g, " ");

/**
 * Old names and their current ones (the IANA "backward" links people may meet). Intl on some
 * runtimes still lists the old ones, and the core keeps the spelling it is given.
 */
const renamed: Record<string, string> = {
  "Europe/Kiev": "Europe/Kyiv",
  "Europe/Uzhgorod": "Europe/Kyiv",
  "Europe/Zaporozhye": "Europe/Kyiv",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Asia/Dacca": "Asia/Dhaka",
  "Asia/Thimbu": "Asia/Thimphu",
  "Asia/Ulan_Bator": "Asia/Ulaanbaatar",
  "Asia/Macao": "Asia/Macau",
  "Asia/Ashkhabad": "Asia/Ashgabat",
  "Asia/Chongqing": "Asia/Shanghai",
  "Asia/Chungking": "Asia/Shanghai",
  "Asia/Tel_Aviv": "Asia/Jerusalem",
  "Asia/Ujung_Pandang": "Asia/Makassar",
  "America/Godthab": "America/Nuuk",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Mendoza": "America/Argentina/Mendoza",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Fort_Wayne": "America/Indiana/Indianapolis",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Coral_Harbour": "America/Atikokan",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Truk": "Pacific/Chuuk",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Africa/Asmera": "Africa/Asmara",
};

/** Other names of UTC, typed or given by the location lookup over the ocean off Africa. */
const utcNames = new Set(
  ["UTC", "GMT", "UCT", "Zulu", "Universal", "Greenwich", "GMT0", "GMT+0", "GMT-0"].flatMap((name) => [
    name.toLowerCase(),
    `etc/${name.toLowerCase()}`,
  ]),
);

/** The zone under its current name, spelled canonically (`europe/kiev` → `Europe/Kyiv`). */
function current(zone: string): string {
  if (utcNames.has(zone.toLowerCase())) return "UTC";
  const canonical = canonicalTimeZone(zone);
  return renamed[canonical] ?? canonical;
}

/**
 * "UTC+5", "GMT-3", "utc +05:00" as a fixed zone. IANA's Etc/GMT zones count the other way
 * (Etc/GMT-5 is five hours east, UTC+5) and exist for whole hours from UTC-12 to UTC+14.
 * `null`: not an offset at all; `undefined`: an offset no zone keeps (UTC-03:30, UTC+15).
 */
function offsetZone(text: string): string | undefined | null {
  const match = /^(?:utc|gmt)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(text);
  if (!match) return null;
  const hours = Number(match[2]);
  if (Number(match[3] ?? "0") !== 0) return undefined;
  if (hours === 0) return "UTC";
  const east = match[1] === "+";
  if (hours > (east ? 14 : 12)) return undefined;
  const zone = `Etc/GMT${east ? "-" : "+"}${hours}`;
  return isTimeZone(zone) ? zone : undefined;
}

/** How a zone reads to a person: a fixed Etc/GMT zone as the offset it is (`Etc/GMT-5` → `UTC+5`). */
export function zoneLabel(zone: string): string {
  const match = /^Etc\/GMT([+-])(\d{1,2})$/.exec(zone);
  if (!match) return zone;
  return `UTC${match[1] === "-" ? "+" : "-"}${match[2]}`;
}

let citiesByName: Map<string, string> | undefined;

/** Every zone's city part (`Asia/Ho_Chi_Minh` → "ho chi minh"), built once. */
function cities(): Map<string, string> {
  if (!citiesByName) {
    citiesByName = new Map();
    for (const zone of Intl.supportedValuesOf("timeZone")) {
      const now = current(zone);
      // Both the old and the current city name find the current zone ("kiev", "kyiv").
      for (const name of new Set([zone, now])) {
        const city = name.split("/").at(-1);
        if (city) citiesByName.set(normalize(city), now);
      }
    }
  }
  return citiesByName;
}

/** The zone a typed text names, or undefined. */
export function zoneFromText(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 64) return undefined;
  const offset = offsetZone(trimmed);
  if (offset !== null) return offset;
  if (trimmed.includes("/") || utcNames.has(trimmed.toLowerCase())) {
    return isTimeZone(trimmed) ? current(trimmed) : undefined;
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
  return isTimeZone(zone) ? current(zone) : undefined;
}

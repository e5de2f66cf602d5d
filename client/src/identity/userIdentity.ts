/** How this person appears to others in a room. */
export interface User {
  name: string;
  color: string;
}

const NAME_KEY = 'whychain.displayName';
const COLOR_KEY = 'whychain.color';
export const MAX_NAME_LENGTH = 60;

/** Colours that read well as dots and outlines on a white canvas, also on a projector. */
export const USER_COLORS = [
  '#1971c2',
  '#2f9e44',
  '#e8590c',
  '#9c36b5',
  '#0c8599',
  '#c2255c',
  '#846358',
  '#495057',
] as const;

/** A colour picked from the name, so the same name always gets the same colour. */
export function colorForName(name: string): string {
  let hash = 0;
  for (const char of name.trim().toLowerCase()) {
    hash = (Math.imul(hash, 31) + char.codePointAt(0)!) | 0;
  }
  return USER_COLORS[Math.abs(hash) % USER_COLORS.length]!;
}

/** The display name remembered in this browser, or null when none was chosen yet. */
export function loadUser(storage: Storage = window.localStorage): User | null {
  try {
    const name = storage.getItem(NAME_KEY)?.trim();
    if (!name) return null;
    return { name, color: storage.getItem(COLOR_KEY) ?? colorForName(name) };
  } catch {
    return null;
  }
}

/** Remembers the display name (and its colour) in this browser and returns the user. */
export function saveUser(name: string, storage: Storage = window.localStorage): User {
  const user = { name: name.trim(), color: colorForName(name) };
  try {
    storage.setItem(NAME_KEY, user.name);
    storage.setItem(COLOR_KEY, user.color);
  } catch {
    // private mode or full storage: the name still works for this visit
  }
  return user;
}

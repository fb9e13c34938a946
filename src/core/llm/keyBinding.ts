/**
 * Which stored API key (if any) may travel with a request: keys are bound to the origin of the
 * server they were saved for, and a server chosen by workspace settings never gets a key the user
 * saved for their own settings. Pure logic: the editor reads settings and secret storage around it.
 */

/** Where the effective `routecraft.llm.baseUrl` comes from (most specific wins, as in VS Code). */
export type BaseUrlSource = 'default' | 'user' | 'workspace' | 'workspaceFolder';

/** The layers of one setting, as `WorkspaceConfiguration.inspect()` returns them. */
export interface SettingLayers<T> {
  readonly defaultValue?: T;
  readonly globalValue?: T;
  readonly workspaceValue?: T;
  readonly workspaceFolderValue?: T;
}

/** The secret a key is stored under: per origin, and for workspace-chosen servers also per workspace. */
export type KeySlot =
  | { readonly kind: 'slot'; readonly origin: string; readonly secretId: string; readonly bound: 'user' | 'workspace'; readonly loopback: boolean }
  | { readonly kind: 'invalid-url'; readonly baseUrl: string };

/** The secret id of the single, origin-less key stored before keys were bound to servers. */
export const LEGACY_SECRET_ID = 'routecraft.llm.apiKey';
const USER_PREFIX = 'routecraft.llm.apiKey@';
const WORKSPACE_PREFIX = 'routecraft.llm.workspaceApiKey@';

/** `https://api.openai.com` for `https://API.openai.com:443/v1/`; undefined for anything but http(s). */
export function originOf(baseUrl: string): string | undefined {
  try {
    const url = new URL(baseUrl.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** True for servers on this machine (localhost, 127.0.0.0/8, ::1): they usually need no key. */
export function isLoopbackOrigin(origin: string): boolean {
  const host = new URL(origin).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function present<T>(value: T | undefined): value is T {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

/** Which layer the effective value comes from. */
export function sourceOf(layers: SettingLayers<string>): BaseUrlSource {
  if (present(layers.workspaceFolderValue)) {
    return 'workspaceFolder';
  }
  if (present(layers.workspaceValue)) {
    return 'workspace';
  }
  return present(layers.globalValue) ? 'user' : 'default';
}

/** The effective value of the layers (most specific non-empty one). */
export function effectiveValue(layers: SettingLayers<string>, fallback: string): string {
  const source = sourceOf(layers);
  const value = { workspaceFolder: layers.workspaceFolderValue, workspace: layers.workspaceValue, user: layers.globalValue, default: layers.defaultValue }[source];
  return present(value) ? value.trim() : fallback;
}

/**
 * The slot whose key may be sent to `baseUrl`. A user-level (or default) server reads the user's key
 * for its origin; a server named by workspace or folder settings reads only a key saved for that
 * workspace (`workspaceId`) and that origin, so a repository's `.vscode/settings.json` cannot
 * redirect the user's key anywhere, not even to the same host under another path.
 */
export function keySlot(baseUrl: string, source: BaseUrlSource, workspaceId: string | undefined): KeySlot {
  const origin = originOf(baseUrl);
  if (!origin) {
    return { kind: 'invalid-url', baseUrl };
  }
  const loopback = isLoopbackOrigin(origin);
  if (source === 'workspace' || source === 'workspaceFolder') {
    return { kind: 'slot', origin, secretId: `${WORKSPACE_PREFIX}${workspaceId ?? 'none'}@${origin}`, bound: 'workspace', loopback };
  }
  return { kind: 'slot', origin, secretId: `${USER_PREFIX}${origin}`, bound: 'user', loopback };
}

/**
 * Where the single key of older versions goes: the user's slot for the origin of the user-level
 * server (the user's own setting, or the default) — never a workspace value, which may be hostile.
 */
export function legacyKeyTarget(layers: SettingLayers<string>, fallback: string): KeySlot {
  const userUrl = present(layers.globalValue) ? layers.globalValue : present(layers.defaultValue) ? layers.defaultValue : fallback;
  return keySlot(userUrl, 'user', undefined);
}

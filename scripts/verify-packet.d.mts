export type PacketCheck = { name: string; ok: boolean; detail: string };
export function canonicalJson(value: unknown): string;
export function auditRowHash(row: Record<string, unknown>): string;
export function verifyPacket(packet: unknown): { ok: boolean; checks: PacketCheck[] };

// Word tables as objects without a prototype: a lookup of "constructor" or "toString" in a
// table of month or unit words must find nothing, not Object.prototype's members.
export function nullProto<T extends object>(table: T): T {
  return Object.assign(Object.create(null) as T, table);
}

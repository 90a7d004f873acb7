declare module 'virtual:iso-numeric' {
  const map: Record<string, string>;
  export default map;
}
declare module 'world-atlas/countries-110m.json' {
  const topology: unknown;
  export default topology;
}

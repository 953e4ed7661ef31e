/** The part of @tgwf/co2's data entry point the generator and its test read. */
declare module '@tgwf/co2/data' {
  export const averageIntensity: { data: Record<string, number>; type: string };
  export const marginalIntensity: { data: Record<string, string>; type: string; year: string };
}

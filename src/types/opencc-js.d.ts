/** opencc-js ships its dictionaries as ES modules without types: each exports "from to|from to|…". */
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}

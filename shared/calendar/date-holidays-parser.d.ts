// date-holidays-parser ships its types as an ambient module declaration that its package.json "exports"
// do not point to; including the file makes `import … from 'date-holidays-parser'` typed.
/// <reference path="../../node_modules/date-holidays-parser/types/index.d.ts" />

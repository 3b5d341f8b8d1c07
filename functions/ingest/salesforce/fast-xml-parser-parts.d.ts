// fast-xml-parser's parser and validator modules on their own: its package entry also carries the XML
// builder, which ingest (150 KB budget) does not need.
declare module 'fast-xml-parser/src/xmlparser/XMLParser' {
  import { XMLParser } from 'fast-xml-parser';
  export = XMLParser;
}

declare module 'fast-xml-parser/src/validator' {
  import type { ValidationError, validationOptions } from 'fast-xml-parser';
  export function validate(xml: string, options?: validationOptions): true | ValidationError;
}

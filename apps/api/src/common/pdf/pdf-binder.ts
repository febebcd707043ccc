import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFContext,
  PDFNull,
  type PDFDocument,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib';

const CATALOG = 1;
const PAGE_TREE = 2;
/** Attributes a page may inherit from its page tree, which the bound file does not keep. */
const INHERITABLE = ['Resources', 'MediaBox', 'CropBox', 'Rotate'].map((n) => PDFName.of(n));
const PARENT = PDFName.of('Parent');
const TYPE = PDFName.of('Type');

/**
 * Binds PDF documents into one file as they come, writing each page's objects out at once:
 * what it keeps is one document at a time plus an offset per object written and a reference
 * per page, so a process of any size is bound in bounded memory. pdf-lib parses and stamps
 * each part; this writes the parts' pages, renumbered, under one page tree of its own.
 */
export class PdfBinder {
  private position = 0;
  /** Byte offset of each object written, by object number (0 is the free head). */
  private readonly offsets: number[] = [0, 0, 0];
  private readonly pages: number[] = [];

  get pageCount(): number {
    return this.pages.length;
  }

  /** The file's header. */
  start(): Buffer {
    // The second line's high bytes mark the file as binary for transfer tools.
    return this.emit(Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a])]));
  }

  /**
   * The pages of one document, with every object they reach (contents, resources, fonts,
   * images, annotations), renumbered for the bound file; its catalog, page tree, outline
   * and whatever else only the document's root reaches are left behind. Nothing is written
   * yet: a document that cannot be bound fails here, leaving the file as it was.
   */
  prepare(doc: PDFDocument): BoundPart {
    const context = doc.context;
    // A page listed twice in a damaged page tree is bound once.
    const pageRefs = [...new Set(doc.getPages().map((page) => page.ref))];
    for (const page of doc.getPages()) {
      for (const name of INHERITABLE) {
        const value = page.node.getInheritableAttribute(name);
        if (value) page.node.set(name, value);
      }
    }
    const pageSet = new Set(pageRefs);
    const numbers = reachable(context, pageRefs, pageSet, this.offsets.length);
    const objects = [...numbers].map(([ref, number]) => {
      const copy = renumber(context.lookup(ref) ?? PDFNull, context, numbers);
      if (pageSet.has(ref)) (copy as PDFDict).set(PARENT, PDFRef.of(PAGE_TREE));
      return { number, copy };
    });
    return { first: this.offsets.length, objects, pages: pageRefs.map((ref) => numbers.get(ref)!) };
  }

  /** A prepared part, written out object by object; parts are written in the order prepared. */
  *write(part: BoundPart): Generator<Buffer> {
    if (part.first !== this.offsets.length) throw new Error('parts must be written as soon as they are prepared');
    for (let i = 0; i < part.objects.length; i++) this.offsets.push(0);
    for (const { number, copy } of part.objects) yield this.object(number, copy);
    this.pages.push(...part.pages);
  }

  /** The page tree, catalog, document information, cross-reference table and trailer. */
  finish(info: { title: string; producer: string; createdAt: Date }): Buffer {
    const context = PDFContext.create();
    const chunks = [
      this.object(
        PAGE_TREE,
        context.obj({ Type: 'Pages', Kids: this.pages.map((n) => PDFRef.of(n)), Count: this.pages.length }),
      ),
      this.object(CATALOG, context.obj({ Type: 'Catalog', Pages: PDFRef.of(PAGE_TREE) })),
    ];
    const infoNumber = this.offsets.length;
    const infoDict = context.obj({});
    infoDict.set(PDFName.of('Title'), PDFHexString.fromText(info.title));
    infoDict.set(PDFName.of('Producer'), PDFHexString.fromText(info.producer));
    infoDict.set(PDFName.of('CreationDate'), PDFString.fromDate(info.createdAt));
    chunks.push(this.object(infoNumber, infoDict));
    const xrefAt = this.position;
    const entries = this.offsets.map((offset, n) =>
      n === 0 ? '0000000000 65535 f \n' : `${String(offset).padStart(10, '0')} 00000 n \n`,
    );
    chunks.push(
      this.emit(
        Buffer.from(
          `xref\n0 ${this.offsets.length}\n${entries.join('')}` +
            `trailer\n<< /Size ${this.offsets.length} /Root ${CATALOG} 0 R /Info ${infoNumber} 0 R >>\n` +
            `startxref\n${xrefAt}\n%%EOF\n`,
        ),
      ),
    );
    return Buffer.concat(chunks);
  }

  private object(number: number, object: PDFObject): Buffer {
    const body = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(body, 0);
    this.offsets[number] = this.position;
    return this.emit(Buffer.concat([Buffer.from(`${number} 0 obj\n`), body, Buffer.from('\nendobj\n')]));
  }

  private emit(chunk: Buffer): Buffer {
    this.position += chunk.length;
    return chunk;
  }
}

/** A document's pages and the objects they reach, numbered from `first` for the bound file. */
export interface BoundPart {
  first: number;
  objects: { number: number; copy: PDFObject }[];
  pages: number[];
}

/**
 * New object numbers, from `first`, for everything the pages reach, found walking references
 * (not a page's parent: the bound file gives it its own), in the order they are met.
 */
function reachable(context: PDFContext, pageRefs: PDFRef[], pages: Set<PDFRef>, first: number): Map<PDFRef, number> {
  const numbers = new Map<PDFRef, number>();
  const pending = [...pageRefs];
  const visit = (object: PDFObject | undefined, isPage: boolean) => {
    if (object instanceof PDFRef) {
      if (!numbers.has(object)) pending.push(object);
    } else if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) if (!(isPage && key === PARENT)) visit(value, false);
    } else if (object instanceof PDFArray) {
      for (const value of object.asArray()) visit(value, false);
    } else if (object instanceof PDFStream) {
      object.updateDict();
      visit(object.dict, false);
    }
  };
  for (let ref = pending.pop(); ref; ref = pending.pop()) {
    if (numbers.has(ref)) continue;
    const object = context.lookup(ref);
    // The document's catalog and page tree nodes are not carried over (the bound file has
    // its own): references to them, and to what only they reach, become null.
    if (object instanceof PDFDict && isRoot(object)) continue;
    numbers.set(ref, first + numbers.size);
    visit(object, pages.has(ref));
  }
  return numbers;
}

function isRoot(dict: PDFDict): boolean {
  const type = dict.get(TYPE);
  return type === PDFName.of('Catalog') || type === PDFName.of('Pages');
}

/** A deep copy of an object with its references to the new numbers (null where not carried). */
function renumber(object: PDFObject, context: PDFContext, numbers: Map<PDFRef, number>): PDFObject {
  if (object instanceof PDFRef) {
    const number = numbers.get(object);
    return number === undefined ? PDFNull : PDFRef.of(number);
  }
  if (object instanceof PDFDict) {
    const copy = PDFDict.withContext(context);
    for (const [key, value] of object.entries()) copy.set(key, renumber(value, context, numbers));
    return copy;
  }
  if (object instanceof PDFArray) {
    const copy = PDFArray.withContext(context);
    for (const value of object.asArray()) copy.push(renumber(value, context, numbers));
    return copy;
  }
  if (object instanceof PDFStream) {
    object.updateDict();
    return PDFRawStream.of(renumber(object.dict, context, numbers) as PDFDict, object.getContents());
  }
  return object;
}

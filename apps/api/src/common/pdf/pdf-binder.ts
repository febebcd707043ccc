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
   * images, annotations), renumbered into the bound file; its catalog, page tree, outline
   * and whatever else only the document's root reaches are left behind.
   */
  *append(doc: PDFDocument): Generator<Buffer> {
    const context = doc.context;
    const pageRefs = doc.getPages().map((page) => {
      for (const name of INHERITABLE) {
        const value = page.node.getInheritableAttribute(name);
        if (value) page.node.set(name, value);
      }
      return page.ref;
    });
    const pageTags = new Set(pageRefs.map((ref) => ref.tag));
    const numbers = this.reachable(context, pageRefs, pageTags);
    for (const [tag, number] of numbers) {
      const [objectNumber, generation] = tag.split(' ').map(Number);
      const copy = renumber(context.lookup(PDFRef.of(objectNumber, generation)) ?? PDFNull, context, numbers);
      if (pageTags.has(tag)) (copy as PDFDict).set(PARENT, PDFRef.of(PAGE_TREE));
      yield this.object(number, copy);
    }
    for (const ref of pageRefs) this.pages.push(numbers.get(ref.tag)!);
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

  /**
   * New object numbers for everything the pages reach, found walking references (not a
   * page's parent: the bound file gives it its own), in the order they are met.
   */
  private reachable(context: PDFContext, pageRefs: PDFRef[], pageTags: Set<string>): Map<string, number> {
    const numbers = new Map<string, number>();
    const pending = [...pageRefs];
    const visit = (object: PDFObject | undefined, isPage: boolean) => {
      if (object instanceof PDFRef) {
        if (!numbers.has(object.tag)) pending.push(object);
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
      if (numbers.has(ref.tag)) continue;
      const object = context.lookup(ref);
      // A page reached from elsewhere (a link's destination) that is not among the pages,
      // or a catalog or page tree node, is not carried over: references to it become null.
      if (object instanceof PDFDict && isRoot(object)) continue;
      numbers.set(ref.tag, this.offsets.length + numbers.size);
      visit(object, pageTags.has(ref.tag));
    }
    // Reserve the numbers now, so the next part's continue after these.
    for (let i = 0; i < numbers.size; i++) this.offsets.push(0);
    return numbers;
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

function isRoot(dict: PDFDict): boolean {
  const type = dict.get(TYPE);
  return type === PDFName.of('Catalog') || type === PDFName.of('Pages');
}

/** A deep copy of an object with its references to the new numbers (null where not carried). */
function renumber(object: PDFObject, context: PDFContext, numbers: Map<string, number>): PDFObject {
  if (object instanceof PDFRef) {
    const number = numbers.get(object.tag);
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

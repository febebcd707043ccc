import { codedCatalogueController } from './coded-catalogue.controller';
import {
  ClassItemDto,
  CodedCreateDto,
  CodedUpdateDto,
  CreateClassDto,
  CreateDocumentTypeDto,
  CreateSubjectDto,
  DocumentTypeItemDto,
  MovementTypeItemDto,
  SubjectItemDto,
  UpdateClassDto,
  UpdateDocumentTypeDto,
  UpdateSubjectDto,
} from './dto/coded.dto';

/** The four coded catalogues of DOMAIN §3 and their routes (paths fixed by API.md). */
export const CODED_CATALOGUE_CONTROLLERS = [
  codedCatalogueController({
    path: 'classes',
    catalogue: { table: 'classes', entityType: 'class', label: 'Classe', extra: { kind: 'kind' } },
    createDto: CreateClassDto,
    updateDto: UpdateClassDto,
    itemDto: ClassItemDto,
  }),
  codedCatalogueController({
    path: 'subjects',
    catalogue: {
      table: 'subjects',
      entityType: 'subject',
      label: 'Assunto',
      extra: { parentCode: 'parent_code' },
      references: { parentCode: true },
    },
    createDto: CreateSubjectDto,
    updateDto: UpdateSubjectDto,
    itemDto: SubjectItemDto,
  }),
  codedCatalogueController({
    path: 'movement-types',
    catalogue: {
      table: 'movement_types',
      entityType: 'movement_type',
      label: 'Tipo de movimento',
      // Read-only: no create or update DTO carries it (the code decides which movements are the system's).
      extra: { manual: 'manual' },
    },
    createDto: CodedCreateDto,
    updateDto: CodedUpdateDto,
    itemDto: MovementTypeItemDto,
  }),
  codedCatalogueController({
    path: 'document-types',
    catalogue: {
      table: 'document_types',
      entityType: 'document_type',
      label: 'Tipo de documento',
      extra: { decisory: 'decisory' },
    },
    createDto: CreateDocumentTypeDto,
    updateDto: UpdateDocumentTypeDto,
    itemDto: DocumentTypeItemDto,
  }),
];

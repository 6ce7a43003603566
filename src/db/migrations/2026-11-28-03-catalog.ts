import { type Kysely, sql } from "kysely";

// Procedure catalog: fields, procedures with immutable versions, per-unit offerings, downloadable form files.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE catalog_fields (
      code text PRIMARY KEY CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      name_vi text NOT NULL,
      name_en text NOT NULL,
      group_name text NOT NULL,
      ministry text NOT NULL,
      note text,
      sort int NOT NULL
    )
  `.execute(db);
  // The fields of the catalog schema as of this migration (src/domain/catalog/fields.ts); a test keeps the two equal.
  const fields: [string, string, string, string, string][] = [
    ["ho-tich", "Hộ tịch", "Civil status registration", "Tư pháp - Hộ tịch", "Bộ Tư pháp"],
    [
      "chung-thuc",
      "Chứng thực",
      "Certification of copies, signatures and contracts",
      "Tư pháp - Hộ tịch",
      "Bộ Tư pháp",
    ],
    ["bao-tro-xa-hoi", "Bảo trợ xã hội", "Social protection", "Lao động - Thương binh và Xã hội", "Bộ Y tế"],
    [
      "giam-ngheo",
      "Giảm nghèo",
      "Poverty reduction",
      "Lao động - Thương binh và Xã hội",
      "Bộ Nông nghiệp và Môi trường",
    ],
    [
      "the-duc-the-thao",
      "Thể dục thể thao",
      "Physical training and sports",
      "Văn hóa - Thể thao",
      "Bộ Văn hóa, Thể thao và Du lịch",
    ],
    [
      "van-hoa-co-so",
      "Văn hóa cơ sở",
      "Grassroots culture",
      "Văn hóa - Thể thao",
      "Bộ Văn hóa, Thể thao và Du lịch",
    ],
    [
      "giao-duc-mam-non",
      "Giáo dục mầm non",
      "Early childhood education",
      "Giáo dục - Đào tạo",
      "Bộ Giáo dục và Đào tạo",
    ],
    ["dat-dai", "Đất đai", "Land", "Địa chính - Xây dựng", "Bộ Nông nghiệp và Môi trường"],
    [
      "phong-chong-thien-tai",
      "Phòng, chống thiên tai",
      "Natural disaster prevention and recovery",
      "Nông nghiệp",
      "Bộ Nông nghiệp và Môi trường",
    ],
    [
      "tin-nguong-ton-giao",
      "Tín ngưỡng, tôn giáo",
      "Belief and religion",
      "Nội vụ",
      "Bộ Dân tộc và Tôn giáo",
    ],
    ["thi-dua-khen-thuong", "Thi đua - khen thưởng", "Emulation and commendation", "Nội vụ", "Bộ Nội vụ"],
    ["cong-thuong", "Lưu thông hàng hóa trong nước", "Domestic trade", "Công thương", "Bộ Công Thương"],
    ["moi-truong", "Môi trường", "Environment", "Tài nguyên và Môi trường", "Bộ Nông nghiệp và Môi trường"],
    [
      "ho-kinh-doanh",
      "Thành lập và hoạt động của hộ kinh doanh",
      "Household business registration",
      "Tài chính - Kế hoạch",
      "Bộ Tài chính",
    ],
  ];
  for (const [i, [code, nameVi, nameEn, group, ministry]] of fields.entries()) {
    await sql`
      INSERT INTO catalog_fields (code, name_vi, name_en, group_name, ministry, sort)
      VALUES (${code}, ${nameVi}, ${nameEn}, ${group}, ${ministry}, ${i + 1})
    `.execute(db);
  }

  // A procedure is an identity (slug, national code, owner); what it says lives in its versions.
  await sql`
    CREATE TABLE procedures (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      code text CHECK (code ~ '^[1-9][.][0-9]{6}$'),
      owner_unit_id uuid REFERENCES units(id),
      latest_version int NOT NULL DEFAULT 0,
      latest_effective_from date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
  await sql`CREATE UNIQUE INDEX procedures_code_idx ON procedures (code) WHERE code IS NOT NULL`.execute(db);
  await sql`CREATE INDEX procedures_owner_idx ON procedures (owner_unit_id)`.execute(db);

  // Versions are never changed once written, except superseded_from, set when the next version is added.
  // A version is in force on day D when effective_from <= D and (superseded_from IS NULL OR superseded_from > D).
  await sql`
    CREATE TABLE procedure_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      procedure_id uuid NOT NULL REFERENCES procedures(id),
      version int NOT NULL CHECK (version >= 1),
      effective_from date NOT NULL,
      superseded_from date,
      document jsonb NOT NULL,
      code text,
      code_status text NOT NULL CHECK (code_status IN ('confirmed','reported','unverified','synthetic')),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 1000),
      name_en text NOT NULL,
      field_code text NOT NULL REFERENCES catalog_fields(code),
      levels text[] NOT NULL,
      online_level text NOT NULL CHECK (online_level IN ('full','partial','none')),
      postal_receive boolean NOT NULL,
      postal_deliver boolean NOT NULL,
      summary jsonb NOT NULL,
      search_text text GENERATED ALWAYS AS (btrim(regexp_replace(f_unaccent(name), '[^a-z0-9]+', ' ', 'g'))) STORED,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES staff(id),
      UNIQUE (procedure_id, version),
      CHECK (superseded_from IS NULL OR superseded_from >= effective_from)
    )
  `.execute(db);
  await sql`CREATE INDEX procedure_versions_search_idx ON procedure_versions USING gin (search_text gin_trgm_ops)`.execute(
    db,
  );
  await sql`CREATE INDEX procedure_versions_in_force_idx ON procedure_versions (effective_from, superseded_from)`.execute(
    db,
  );
  await sql`CREATE INDEX procedure_versions_field_idx ON procedure_versions (field_code)`.execute(db);

  // Which units offer which procedures, with their local additions (local fees, local working steps).
  await sql`
    CREATE TABLE procedure_offerings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_id uuid NOT NULL REFERENCES units(id),
      procedure_id uuid NOT NULL REFERENCES procedures(id),
      local jsonb NOT NULL DEFAULT '{}',
      pushed_from_unit_id uuid REFERENCES units(id),
      active boolean NOT NULL DEFAULT true,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (unit_id, procedure_id)
    )
  `.execute(db);
  await sql`CREATE INDEX procedure_offerings_procedure_idx ON procedure_offerings (procedure_id)`.execute(db);

  // Downloadable form templates (tờ khai), keyed by the form code the procedure documents name.
  await sql`
    CREATE TABLE catalog_form_files (
      code text PRIMARY KEY CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      filename text NOT NULL,
      content_type text NOT NULL,
      size_bytes int NOT NULL,
      sha256 text NOT NULL,
      content bytea NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      uploaded_by uuid REFERENCES staff(id)
    )
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}

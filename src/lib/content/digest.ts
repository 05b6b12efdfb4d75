import jsYaml from 'js-yaml';
import { stringify } from 'yaml';
import { z } from 'astro/zod';
import { calendarDay, slug } from '#/lib/schemas.ts';
import { ContentFileError } from './content-file-error.ts';

/** `content/digests/YYYY-MM-DD.yaml`: one day's papers in the order they were published. */
export const digestSchema = z.strictObject({
  date: calendarDay,
  papers: z.array(slug).min(1, 'must list at least one paper'),
  /** Upvotes on that day, by paper slug. */
  upvotes: z.record(slug, z.number().int().nonnegative()).optional(),
});
export type DigestData = z.infer<typeof digestSchema>;
export type DigestInput = z.input<typeof digestSchema>;

/** A digest file's data, checked against {@link digestSchema}; a ContentFileError names the file and field. */
export function readDigest(text: string, path: string): DigestData {
  let data: unknown;
  try {
    data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch (error) {
    if (error instanceof jsYaml.YAMLException) throw new ContentFileError(path, error.mark.line + 1, `not valid YAML: ${error.reason}`);
    throw error;
  }
  const parsed = digestSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ContentFileError(path, undefined, `${issue.path.join('.') || 'digest'}: ${issue.message}`);
  }
  return parsed.data;
}

/** A digest file's text. */
export function formatDigest(digest: DigestInput): string {
  return stringify(digest, { lineWidth: 0 });
}

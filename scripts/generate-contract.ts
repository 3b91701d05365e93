/** `npm run contract`: regenerates docs/api/ from the zod schemas. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildContractDocuments, documentText } from './contract/buildContractDocuments';
import { buildEntityValidatorsModule } from './contract/buildEntityValidators';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputDir = join(root, 'docs', 'api');
for (const [name, document] of Object.entries(buildContractDocuments())) {
  const file = join(outputDir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, documentText(document));
  console.log(`wrote ${file}`);
}

const generatedDir = join(root, 'src', 'domain', 'generated');
mkdirSync(generatedDir, { recursive: true });
const validators = buildEntityValidatorsModule();
writeFileSync(join(generatedDir, 'entityValidators.js'), validators.javascript);
writeFileSync(join(generatedDir, 'entityValidators.d.ts'), validators.declarations);
console.log(`wrote ${join(generatedDir, 'entityValidators.js')} (${Math.round(validators.javascript.length / 1024)} KB)`);

import { adminTool } from '@rustok/api';
import { Id, type ModuleMcp } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import { CreateNodeInput, NodeSchema, TranslationInput } from './schemas.js';
import { Locale } from './settings.js';
import { createNode } from './use-cases/create-node.js';
import { putTranslation } from './use-cases/put-translation.js';
import { publishNode } from './use-cases/transition-node.js';

const draftContent = adminTool({
  name: 'draft_content',
  title: 'Draft content',
  description:
    'Create a draft content node (kind: post for a blog post, page, article…) with its title, slug, excerpt and markdown body in one locale.',
  input: CreateNodeInput,
  output: NodeSchema,
  effect: 'write',
  permission: 'content.nodes.create',
  run: (c, input) => createNode(c, input),
});

const translateContent = adminTool({
  name: 'translate_content',
  title: 'Translate content',
  description: "Create or replace a node's translation in one of the tenant's locales (title, slug, excerpt, body).",
  input: Type.Object({ nodeId: Id(), locale: Locale(), ...TranslationInput.properties }, { additionalProperties: false }),
  output: NodeSchema,
  effect: 'idempotent',
  permission: 'content.nodes.update',
  run: (c, { nodeId, locale, ...translation }) => putTranslation(c, nodeId, locale, translation),
});

const publishContent = adminTool({
  name: 'publish_content',
  title: 'Publish content',
  description: 'Publish a content node now: the storefront and search show it from then on.',
  input: Type.Object({ nodeId: Id() }, { additionalProperties: false }),
  output: NodeSchema,
  effect: 'idempotent',
  permission: 'content.nodes.publish',
  run: (c, input) => publishNode(c, input.nodeId),
});

/** Content's staff tools: draft, translate and publish nodes (blog posts are nodes of kind post). */
export const contentMcp: ModuleMcp = { tools: [draftContent, translateContent, publishContent] };

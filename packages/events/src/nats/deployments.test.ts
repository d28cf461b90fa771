import { describe, expect, it } from 'vitest';
import { connectNatsStreaming, createSubjects, deleteStreams } from './index.js';
import { natsTitle, natsUrl, silentLogger, uniqueNames } from './test-fixtures/streaming.js';

const url = natsUrl();

describe('deployment prefixes of NATS names', () => {
  it('puts the durable prefix in front of every durable name', () => {
    const subjects = createSubjects({ root: 'rustok-eu', streamPrefix: 'RUSTOK_EU', durablePrefix: 'eu_' });
    expect(subjects.durableName('index.products')).toBe('eu_index_products');
    expect(subjects.durableName('index.products', 'rebuild_')).toBe('eu_rebuild_index_products');
    expect(createSubjects().durableName('index.products')).toBe('index_products');
  });
});

describe.skipIf(!url)(natsTitle('streams of another deployment'), () => {
  it('refuses to take over a stream that carries other subjects, and leaves it as it was', async () => {
    const names = uniqueNames();
    const first = await connectNatsStreaming({ url: url ?? '', logger: silentLogger, ...names });
    try {
      const before = (await first.jsm.streams.info(first.subjects.streams.domain)).config.subjects;
      const error = await connectNatsStreaming({ url: url ?? '', logger: silentLogger, ...names, root: `${names.root}x` }).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'EVENTS_STREAM_CONFLICT' });
      expect((await first.jsm.streams.info(first.subjects.streams.domain)).config.subjects).toEqual(before);
      // The same deployment again (another process of it) is welcome.
      const again = await connectNatsStreaming({ url: url ?? '', logger: silentLogger, ...names });
      await again.close();
    } finally {
      await deleteStreams(first.jsm, first.subjects);
      await first.close();
    }
  });
});

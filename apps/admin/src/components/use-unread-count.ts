import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { noticesQuery, unreadCountQuery } from '../api/inbox.js';
import { followInbox } from '../api/inbox-stream.js';

/** How often the count is asked for while the live stream is down. */
export const UNREAD_POLL_MS = 30_000;

/**
 * The signed-in user's unread notices, kept live: the inbox stream sets the count in the query cache
 * (and refreshes the list) as notices come and are read; while the stream is down the count is
 * asked for every 30 s, and the stream is tried again with a growing pause.
 */
export const useUnreadCount = (enabled: boolean): number | undefined => {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    void followInbox(
      {
        onOpen: () => setLive(true),
        onDown: () => setLive(false),
        onUnread: (count) => {
          queryClient.setQueryData(unreadCountQuery.queryKey, count);
          void queryClient.invalidateQueries({ queryKey: noticesQuery.queryKey });
        },
        onNotice: () => void queryClient.invalidateQueries({ queryKey: noticesQuery.queryKey }),
      },
      controller.signal,
    );
    return () => {
      controller.abort();
      setLive(false);
    };
  }, [enabled, queryClient]);
  const { data } = useQuery({ ...unreadCountQuery, enabled, refetchInterval: live ? false : UNREAD_POLL_MS });
  return enabled ? data : undefined;
};

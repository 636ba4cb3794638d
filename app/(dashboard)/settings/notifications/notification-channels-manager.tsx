'use client';

import { useNotificationChannels } from '@/lib/hooks/use-notification-channels';
import type { NotificationChannelView } from '@/lib/validations/api/notification-channel-schemas';
import { EmptyState } from '../../../_components/empty-state';
import { AddChannelForm } from './add-channel-form';
import { ChannelRow } from './channel-row';

export function NotificationChannelsManager({ initialChannels }: { initialChannels: NotificationChannelView[] }) {
  const { data: channels = [] } = useNotificationChannels(initialChannels);
  return (
    <>
      <AddChannelForm />
      <section className="stack" aria-labelledby="channels-heading">
        <h2 id="channels-heading" className="section-title">
          Channels
        </h2>
        {channels.length === 0 ? (
          <EmptyState title="No channels yet">
            <p>Add one above; alerts keep going by email either way.</p>
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Type</th>
                  <th scope="col">Routing</th>
                  <th scope="col">Deliveries</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {channels.map((c) => (
                  <ChannelRow key={c.id} channel={c} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

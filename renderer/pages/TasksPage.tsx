import { useEffect, useState } from 'react';
import { Badge, Card, Tabs, Text } from '@mantine/core';
import { Loading, Page } from '../components/Page';
import { TaskTable } from '../components/tasks/TaskTable';
import { useSession } from '../lib/session';
import { useCall } from '../lib/useCall';

const REFRESH_MS = 60_000;

// Keeps a queue fresh while it is on screen: every minute and whenever the window
// regains focus (someone may have disposed or advanced meanwhile).
function useRefresh(reload: () => void, enabled = true) {
  useEffect(() => {
    if (!enabled) return;
    const timer = window.setInterval(reload, REFRESH_MS);
    window.addEventListener('focus', reload);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', reload);
    };
  }, [reload, enabled]);
}

export function TasksPage() {
  const { user } = useSession();
  const leader = user.role === 'camat' || user.role === 'sekcam';
  const [tab, setTab] = useState<string | null>(null);
  const mine = useCall('tasks.mine', {});
  const office = useCall('tasks.office', {}, leader);
  // Chosen once both lists are first in: a leader with nothing of their own waiting opens on
  // the office's list. Later refreshes never move the user to another tab.
  useEffect(() => {
    if (tab === null && mine.data && office.data) setTab(mine.data.length === 0 && office.data.length > 0 ? 'office' : 'mine');
  }, [tab, mine.data, office.data]);
  useRefresh(mine.reload);
  useRefresh(office.reload, leader);

  const mineTable = mine.data ? (
    <TaskTable tasks={mine.data} label="Tugas saya" empty="Tidak ada tugas yang menunggu Anda. Pengaduan baru yang menjadi tugas Anda akan muncul di sini." />
  ) : (
    <Loading error={mine.error} retry={mine.reload} />
  );

  return (
    <Page title="Tugas saya" subtitle="Langkah pengaduan yang menunggu, diurutkan menurut batas waktu terdekat. Diperbarui setiap menit.">
      <Card withBorder padding={leader ? 0 : 'xs'}>
        {leader ? (
          <Tabs value={tab ?? 'mine'} onChange={setTab}>
            <Tabs.List>
              <Tabs.Tab value="mine" rightSection={mine.data && <Badge size="sm" variant="light">{mine.data.length}</Badge>}>
                Tugas saya
              </Tabs.Tab>
              <Tabs.Tab value="office" rightSection={office.data && <Badge size="sm" variant="light">{office.data.length}</Badge>}>
                Semua pengaduan kantor
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="mine" p="xs">
              {mineTable}
            </Tabs.Panel>
            <Tabs.Panel value="office" p="xs">
              {office.data ? (
                <>
                  <Text size="xs" c="dimmed" mb="xs">
                    Semua pengaduan yang belum selesai, termasuk yang sedang ditangani pegawai lain.
                  </Text>
                  <TaskTable tasks={office.data} label="Semua pengaduan kantor" empty="Tidak ada pengaduan yang sedang berjalan di kantor." />
                </>
              ) : (
                <Loading error={office.error} retry={office.reload} />
              )}
            </Tabs.Panel>
          </Tabs>
        ) : (
          mineTable
        )}
      </Card>
    </Page>
  );
}

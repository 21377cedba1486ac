import { useCallback, useEffect, useMemo, useState } from 'react';
import { Badge, Card, Group, Select, Stack, Tabs, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { CLOCKS, OFFICE_PAGE_SIZE, TASK_FILTERS, TASK_FILTER_LABEL, WET_SIGNING_ROLES, matchesTaskFilter, type Clock, type TaskFilter } from '../../shared/domain';
import { Loading, Page } from '../components/Page';
import { TaskTable } from '../components/tasks/TaskTable';
import { ScansAwaited } from '../components/tasks/ScansAwaited';
import { ListPager } from '../components/ListPager';
import { FILTER_PARAM, OFFSET_PARAM, SORT_PARAM, TAB_PARAM } from '../components/tasks/address';
import { useSession } from '../lib/session';
import { useCall } from '../lib/useCall';
import { usePagesAhead } from '../lib/pagesAhead';
import { useQueueReload } from '../lib/events';

const REFRESH_MS = 60_000;

// Keeps a queue fresh while it is on screen: as soon as the core says a queue changed
// (live events), whenever the window regains focus, and every minute should the live
// events be cut.
function useRefresh(reload: () => void, enabled = true) {
  useQueueReload(reload, enabled);
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


const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;

// A page start from the address: a whole number of pages, else the first.
const pageStart = (v: string | null) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n - (n % OFFICE_PAGE_SIZE) : 0;
};

// "Semua" is a choice of its own, not only the empty box, so going back to every task is a pick like the others.
const ALL = 'semua';
const FILTER_OPTIONS = [{ value: ALL, label: 'Semua' }, ...TASK_FILTERS.map((f) => ({ value: f, label: TASK_FILTER_LABEL[f] }))];
const SORT_LABEL: Record<Clock, string> = { langkah: 'Batas waktu langkah', standar: 'Batas waktu standar' };
const SORT_OPTIONS = CLOCKS.map((c) => ({ value: c, label: SORT_LABEL[c] }));

export function TasksPage() {
  const { user } = useSession();
  const leader = user.role === 'camat' || user.role === 'sekcam';
  const [params, setParams] = useSearchParams();
  const filter = oneOf(TASK_FILTERS, params.get(FILTER_PARAM));
  const sort = oneOf(CLOCKS, params.get(SORT_PARAM)) ?? 'langkah';
  const offset = pageStart(params.get(OFFSET_PARAM));
  const mine = useCall('tasks.mine', {});
  const uploads = WET_SIGNING_ROLES.includes(user.role);
  const scans = useCall('documents.scansAwaited', {}, uploads);
  // One shape for the list and the pages asked ahead: an answer fetched ahead is found by its input.
  const officeInput = useCallback((at: number) => ({ sort, filter, offset: at, limit: OFFICE_PAGE_SIZE }), [sort, filter]);
  const office = useCall('tasks.office', officeInput(offset), leader);
  const { prefetch: officeAhead } = office;
  const aheadTo = useCallback((n: number) => void officeAhead(officeInput(n)), [officeAhead, officeInput]);
  // Another filter or order starts the office list again from its first page.
  const set = useCallback(
    (key: string, value: string | null) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          if (value) next.set(key, value);
          else next.delete(key);
          if (key !== OFFSET_PARAM && key !== TAB_PARAM) next.delete(OFFSET_PARAM);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  // Chosen once both lists are first in: a leader with nothing of their own waiting opens on
  // the office's list. Later refreshes never move the user to another tab. Kept in state, not
  // written to the address: a write arriving after the user clicked a menu item would take
  // them back here.
  const chosen = params.get(TAB_PARAM);
  const [firstTab, setFirstTab] = useState<'saya' | 'kantor' | null>(null);
  useEffect(() => {
    if (firstTab === null && leader && mine.data && office.data) setFirstTab(mine.data.length === 0 && office.data.total > 0 ? 'kantor' : 'saya');
  }, [firstTab, leader, mine.data, office.data]);
  const tab = chosen === 'kantor' || chosen === 'saya' ? chosen : (firstTab ?? 'saya');
  // The office list's pages beside the one shown, while its tab is open.
  usePagesAhead(officeAhead, tab === 'kantor' && !office.loading && !office.error ? office.dataFor : undefined, office.data?.total ?? 0, OFFICE_PAGE_SIZE);
  useRefresh(mine.reloadQuietly);
  useRefresh(office.reloadQuietly, leader);
  useRefresh(scans.reloadQuietly, uploads);
  // A page left empty by complaints finished meanwhile: back to the list's last page.
  const officeTotal = office.data?.total ?? 0;
  const pageEmpty = office.data !== undefined && office.data.rows.length === 0;
  useEffect(() => {
    if (pageEmpty && offset > 0) set(OFFSET_PARAM, officeTotal > 0 ? String(pageStart(String(officeTotal - 1))) : null);
  }, [pageEmpty, offset, officeTotal, set]);

  // The same array while the answer and the filter stay: the table is memoised on it.
  const mineShown = useMemo(() => mine.data && (filter ? mine.data.filter((t) => matchesTaskFilter(t, filter)) : mine.data), [mine.data, filter]);
  const filterSelect = (
    <Select
      label="Tampilkan"
      data={FILTER_OPTIONS}
      value={filter ?? ALL}
      onChange={(v) => set(FILTER_PARAM, v === ALL ? null : (v as TaskFilter | null))}
      allowDeselect={false}
      w={300}
    />
  );
  const mineTable = mineShown ? (
    <TaskTable
      tasks={mineShown}
      label="Tugas saya"
      empty={
        filter
          ? 'Tidak ada tugas Anda yang cocok dengan pilihan ini.'
          : scans.data?.length
            ? 'Tidak ada langkah pengaduan lain yang menunggu Anda.'
            : 'Tidak ada tugas yang menunggu Anda. Pengaduan baru yang menjadi tugas Anda akan muncul di sini.'
      }
    />
  ) : (
    <Loading error={mine.error} retry={mine.reload} />
  );

  return (
    <Page
      title="Tugas saya"
      subtitle="Langkah pengaduan yang menunggu: langkah yang terlambat lebih dulu, lalu menurut batas waktu langkah yang terdekat. Diperbarui langsung setiap ada perubahan."
    >
      {scans.data ? <ScansAwaited items={scans.data} /> : scans.error && <Loading error={scans.error} retry={scans.reload} />}
      <Card withBorder padding={leader ? 0 : 'xs'}>
        {leader ? (
          <Tabs value={tab} onChange={(v) => set(TAB_PARAM, v)}>
            <Tabs.List>
              <Tabs.Tab value="saya" rightSection={mineShown && <Badge size="sm" variant="light">{mineShown.length}</Badge>}>
                Tugas saya
              </Tabs.Tab>
              <Tabs.Tab value="kantor" rightSection={office.data && <Badge size="sm" variant="light">{office.data.total}</Badge>}>
                Semua pengaduan kantor
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="saya" p="xs">
              <Group mb="xs">{filterSelect}</Group>
              {mineTable}
            </Tabs.Panel>
            <Tabs.Panel value="kantor" p="xs">
              <Group mb="xs" align="flex-end">
                {filterSelect}
                <Select label="Urutkan (terlambat lebih dulu)" data={SORT_OPTIONS} value={sort} onChange={(v) => set(SORT_PARAM, v === 'standar' ? v : null)} allowDeselect={false} w={260} />
                <Text size="xs" c="dimmed" style={{ flex: 1 }} miw={220}>
                  Semua pengaduan yang belum selesai, termasuk yang sedang ditangani pegawai lain. Langkah: batas waktu langkah yang sedang berjalan; standar: batas penyelesaian seluruh standar pelayanan.
                </Text>
              </Group>
              {office.data ? (
                <Stack gap="xs">
                  <TaskTable
                    tasks={office.data.rows}
                    label="Semua pengaduan kantor"
                    empty={filter ? 'Tidak ada pengaduan yang cocok dengan pilihan ini.' : 'Tidak ada pengaduan yang sedang berjalan di kantor.'}
                  />
                  {office.data.total > 0 && (
                    <ListPager offset={offset} shown={office.data.rows.length} total={office.data.total} pageSize={OFFICE_PAGE_SIZE} noun="pengaduan" go={(n) => set(OFFSET_PARAM, n > 0 ? String(n) : null)} ahead={aheadTo} />
                  )}
                </Stack>
              ) : (
                <Loading error={office.error} retry={office.reload} />
              )}
            </Tabs.Panel>
          </Tabs>
        ) : (
          <>
            <Group mb="xs">{filterSelect}</Group>
            {mineTable}
          </>
        )}
      </Card>
    </Page>
  );
}

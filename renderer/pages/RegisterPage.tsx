import { useEffect, useMemo, useState } from 'react';
import { Button, Center, Group, Loader, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconSearch, IconX } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { CATEGORIES, CATEGORY_LABEL, CHANNEL_CODES, CHANNEL_LABEL, STATUSES, STATUS_LABEL } from '../../shared/domain';
import { MONTHS } from '../../shared/time/format';
import { Loading, Page } from '../components/Page';
import { RegisterTable } from '../components/register/RegisterTable';
import { RegisterExportButton } from '../components/reports/ExportProgress';
import {
  FIRST_DIR,
  NO_FILTERS,
  PAGE_SIZE,
  hasFilters,
  readFilters,
  readSearch,
  toQuery,
  writeFilters,
  writeSearch,
  type RegisterFilters,
  type SortField,
} from '../components/register/query';
import { useSession } from '../lib/session';
import { useCall } from '../lib/useCall';

const statusOptions = STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }));
const channelOptions = CHANNEL_CODES.map((c) => ({ value: c, label: CHANNEL_LABEL[c] }));
const categoryOptions = CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABEL[c] }));
const monthOptions = MONTHS.map((m, i) => ({ value: String(i + 1), label: m }));
const dateOfOptions = [
  { value: 'diterima', label: 'Tanggal diterima' },
  { value: 'selesai', label: 'Tanggal selesai' },
];

const numberId = (n: number) => n.toLocaleString('id-ID');

export function RegisterPage() {
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  // The search box types freely; the query follows 200 ms after the last key. The text may be a
  // reporter's name or NIK, so it is kept in session storage, not in the address.
  const [search, setSearch] = useState(readSearch);
  const [debounced] = useDebouncedValue(search, 200);
  const [q, setQ] = useState(() => search.trim());
  const filters = useMemo(() => readFilters(params, q), [params, q]);
  const list = useCall('complaints.list', toQuery(filters));
  useEffect(() => {
    // Only typing that has settled counts: right after "Hapus filter" the debounced
    // value still holds the old words, and typing the same words again at once leaves
    // it unchanged, so the typed text itself is the reference.
    if (debounced !== search) return;
    const next = debounced.trim();
    if (next === q) return;
    setQ(next);
    writeSearch(next);
    // A new search starts on the first page; replacing, not pushing, the address.
    if (filters.offset > 0) setParams(writeFilters({ ...filters, offset: 0 }), { replace: true });
  }, [debounced, search, q, filters, setParams]);

  const update = (change: Partial<RegisterFilters>) => setParams(writeFilters({ ...filters, offset: 0, ...change }));

  const onSort = (field: SortField) =>
    update(field === filters.sort ? { dir: filters.dir === 'asc' ? 'desc' : 'asc' } : { sort: field, dir: FIRST_DIR[field] });

  const data = list.data;
  const yearOptions = useMemo(() => {
    const years = new Set(data?.years ?? []);
    if (filters.year !== undefined) years.add(filters.year);
    return [...years].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }));
  }, [data?.years, filters.year]);

  const total = data?.total ?? 0;
  const from = total === 0 ? 0 : filters.offset + 1;
  const to = Math.min(filters.offset + (data?.rows.length ?? 0), total);
  const filtered = hasFilters(filters);

  return (
    <Page
      title="Buku register pengaduan"
      subtitle="Semua pengaduan yang diterima, bernomor urut per tahun."
      actions={
        user.role === 'staf' && (
          <Button component={Link} to="/pengaduan/baru">
            Catat pengaduan
          </Button>
        )
      }
    >
      <Paper withBorder p="sm" radius="md">
        {/* The search has a row of its own, so its placeholder is never cut by the filters beside it. */}
        <TextInput
          label="Cari"
          placeholder="Nomor register, nama pelapor, perihal atau uraian"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maxLength={100}
          mb="sm"
          rightSection={search !== debounced ? <Loader size="xs" aria-label="Menunggu ketikan selesai" /> : null}
        />
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Tahun"
            placeholder="Semua tahun"
            data={yearOptions}
            value={filters.year !== undefined ? String(filters.year) : null}
            onChange={(v) => update({ year: v ? Number(v) : undefined })}
            clearable
            w={150}
          />
          <Select
            label="Bulan"
            placeholder={filters.year === undefined ? 'Pilih tahun dulu' : 'Semua bulan'}
            data={monthOptions}
            value={filters.month !== undefined ? String(filters.month) : null}
            onChange={(v) => update({ month: v ? Number(v) : undefined })}
            disabled={filters.year === undefined}
            clearable
            w={160}
          />
          <Select
            label="Tahun dan bulan menurut"
            data={dateOfOptions}
            value={filters.dateOf}
            onChange={(v) => update({ dateOf: v === 'selesai' ? 'selesai' : 'diterima' })}
            disabled={filters.year === undefined}
            allowDeselect={false}
            w={190}
          />
          <Select
            label="Status"
            placeholder="Semua status"
            data={statusOptions}
            value={filters.status ?? null}
            onChange={(v) => update({ status: (v ?? undefined) as RegisterFilters['status'] })}
            clearable
            w={160}
          />
          <Select
            label="Kanal"
            placeholder="Semua kanal"
            data={channelOptions}
            value={filters.channel ?? null}
            onChange={(v) => update({ channel: (v ?? undefined) as RegisterFilters['channel'] })}
            clearable
            w={160}
          />
          <Select
            label="Kategori"
            placeholder="Semua kategori"
            data={categoryOptions}
            value={filters.category ?? null}
            onChange={(v) => update({ category: (v ?? undefined) as RegisterFilters['category'] })}
            clearable
            w={185}
          />
          {filters.seksi && (
            // Set by a link from the dashboard; no list of seksi to choose from here, only to let it go.
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Seksi
              </Text>
              <Button
                variant="light"
                rightSection={<IconX size={14} />}
                onClick={() => update({ seksi: undefined })}
                aria-label={`Hapus ${filters.seksi} dari filter`}
                title="Hapus filter seksi"
              >
                {filters.seksi}
              </Button>
            </Stack>
          )}
          {filtered && (
            <Button
              variant="subtle"
              px="xs"
              onClick={() => {
                setSearch('');
                setQ('');
                writeSearch('');
                setParams(writeFilters({ ...filters, ...NO_FILTERS, q: '', offset: 0 }));
              }}
            >
              Hapus filter
            </Button>
          )}
          <Group ml="auto">
            <RegisterExportButton query={toQuery(filters)} />
          </Group>
        </Group>
      </Paper>

      {!data ? (
        <Loading error={list.error} retry={list.reload} />
      ) : (
        // The previous list stays, dimmed, while the next one loads, so the page does not jump.
        <Stack gap="xs" style={{ opacity: list.loading ? 0.55 : 1, transition: 'opacity 120ms' }} aria-busy={list.loading}>
          {list.error && (
            <Text c="red" size="sm" role="alert">
              Data terbaru tidak dapat dimuat: {list.error.message}
            </Text>
          )}
          {data.rows.length === 0 && filters.offset > 0 && total > 0 ? (
            <Paper withBorder p="xl" radius="md">
              <Stack gap="xs" align="center">
                <Text fw={600}>Halaman ini sudah melewati akhir register.</Text>
                <Button variant="light" onClick={() => update({ offset: 0 })}>
                  Ke halaman pertama
                </Button>
              </Stack>
            </Paper>
          ) : data.rows.length === 0 ? (
            <Paper withBorder p="xl" radius="md">
              <Center>
                <Stack gap={4} align="center">
                  <Text fw={600}>{filtered ? 'Tidak ada pengaduan yang cocok.' : 'Buku register masih kosong.'}</Text>
                  <Text size="sm" c="dimmed">
                    {filtered
                      ? 'Ubah kata kunci atau filter, atau tekan "Hapus filter" untuk melihat semua pengaduan.'
                      : user.role === 'staf'
                        ? 'Pengaduan yang dicatat lewat "Catat pengaduan" akan tampil di sini dengan nomor registernya.'
                        : 'Pengaduan yang dicatat petugas akan tampil di sini dengan nomor registernya.'}
                  </Text>
                </Stack>
              </Center>
            </Paper>
          ) : (
            <RegisterTable rows={data.rows} sort={filters.sort} dir={filters.dir} onSort={onSort} />
          )}
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {total === 0 ? '0 pengaduan' : `${numberId(from)}–${numberId(to)} dari ${numberId(total)}`}
            </Text>
            <Group gap="xs">
              <Button
                variant="default"
                size="xs"
                leftSection={<IconChevronLeft size={14} />}
                disabled={filters.offset === 0}
                onClick={() => update({ offset: Math.max(0, filters.offset - PAGE_SIZE) })}
              >
                Sebelumnya
              </Button>
              <Button
                variant="default"
                size="xs"
                rightSection={<IconChevronRight size={14} />}
                disabled={filters.offset + PAGE_SIZE >= total}
                onClick={() => update({ offset: filters.offset + PAGE_SIZE })}
              >
                Berikutnya
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Page>
  );
}

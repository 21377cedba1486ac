import { createContext, memo, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { Button, Center, Group, Loader, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CATEGORIES, CATEGORY_LABEL, CHANNEL_CODES, CHANNEL_LABEL, NO_SEKSI_LABEL, STATUSES, STATUS_LABEL } from '../../shared/domain';
import { keadaanLabel, langkahLabel, type SortField } from '../../shared/registerQuery';
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
} from '../components/register/query';
import { ListPager } from '../components/ListPager';
import { usePalette } from '../components/plainBadge';
import { paletteToSave } from '../components/register/plainRows';
import { dismissEarlyScreen, rememberEarlyScreen } from '../lib/earlyScreen';
import { useSession } from '../lib/session';
import { useCall } from '../lib/useCall';
import { usePagesAhead } from '../lib/pagesAhead';
import classes from './RegisterPage.module.css';

const statusOptions = STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }));
const channelOptions = CHANNEL_CODES.map((c) => ({ value: c, label: CHANNEL_LABEL[c] }));
const categoryOptions = CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABEL[c] }));
const monthOptions = MONTHS.map((m, i) => ({ value: String(i + 1), label: m }));
const dateOfOptions = [
  { value: 'diterima', label: 'Tanggal diterima' },
  { value: 'selesai', label: 'Tanggal selesai' },
];


// The search follows this long after the last key.
const SEARCH_DEBOUNCE_MS = 200;
// The list dims when its next answer takes longer than this.
const SLOW_MS = 150;
// The register's first page with nothing filtered, searched or sorted otherwise (as boot.js
// asks for it at a start), and how long it shows before it is saved as the early screen.
const FIRST_PAGE = JSON.stringify(toQuery(readFilters(new URLSearchParams(), '')));
const REMEMBER_AFTER_MS = 1_000;

// The register is the office's busiest screen, so each part re-renders only for what it
// shows: a page change, a sort or a new answer leaves the search box and the filters
// alone, typing leaves the table alone, and the table draws only rows that are new.

// The search box types freely; the query follows once typing settles. The text may be a
// reporter's name or NIK, so it is kept in session storage, not in the address. "Hapus
// filter" mounts a fresh box, so the same words typed again afterwards search again.
// The pause is timed here rather than through a debounced value, so the request leaves
// from the timer itself, before anything is drawn again.
// `focused`: made anew by "Hapus filter", whose button goes with the filters; the keyboard's
// focus comes here, where the next search is typed, not back to the top of the page.
const SearchBox = memo(function SearchBox({ onSettle, focused }: { onSettle(q: string): void; focused: boolean }) {
  const [search, setSearch] = useState(readSearch);
  const [typing, setTyping] = useState(false);
  const timer = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onChange = useCallback(
    (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setSearch(value);
      setTyping(true);
      clearTimeout(timer.current);
      timer.current = window.setTimeout(() => {
        onSettle(value.trim());
        setTyping(false);
      }, SEARCH_DEBOUNCE_MS);
    },
    [onSettle],
  );
  return (
    <TextInput
      label="Cari"
      placeholder="Nomor register, nama pelapor, perihal atau uraian"
      leftSection={<IconSearch size={16} />}
      value={search}
      onChange={onChange}
      maxLength={100}
      autoFocus={focused}
      mb="sm"
      // data-live: never part of the saved early screen (lib/earlyScreen.ts), which could be
      // saved within a typing pause.
      rightSection={typing ? <Loader size="xs" aria-label="Menunggu ketikan selesai" data-live /> : null}
    />
  );
});

// The export takes the whole query (its order too) from here, so a sort re-renders the
// button alone, not the filters around it.
const ExportQuery = createContext<ReturnType<typeof toQuery> | null>(null);
const ExportSlot = memo(function ExportSlot() {
  const query = useContext(ExportQuery);
  return query && <RegisterExportButton query={query} />;
});

interface FilterBarProps {
  year?: number;
  month?: number;
  dateOf: RegisterFilters['dateOf'];
  seksi?: string;
  noSeksi?: boolean;
  keadaan?: RegisterFilters['keadaan'];
  akhirBulan?: string;
  // The step filter in words (a string, so the memoised bar keeps its props equal).
  langkah?: string;
  status?: RegisterFilters['status'];
  channel?: RegisterFilters['channel'];
  category?: RegisterFilters['category'];
  years: string;
  filtered: boolean;
  searchKey: number;
  onSearch(q: string): void;
  update(change: Partial<RegisterFilters>): void;
  clear(): void;
}

interface FilterSelectProps {
  label: string;
  // The first option, standing for no filter; none where a choice is always made.
  all?: string;
  data: readonly { value: string; label: string }[];
  value: string | null;
  onChange(value: string | null): void;
  disabled?: boolean;
  w: number;
}

// The register's filters are the browser's own select, in Mantine's input frame: its list
// is drawn by the browser, not the page, so choosing an option re-renders only this
// element and the request leaves at once (a Mantine Select re-renders its whole combobox on
// each choice and keeps every list drawn, hidden, in the page). The keyboard and screen
// readers get the platform's own select.
const FilterSelect = memo(function FilterSelect({ label, all, data, value, onChange, disabled, w }: FilterSelectProps) {
  const options = useMemo(() => (all === undefined ? [...data] : [{ value: '', label: all }, ...data]), [all, data]);
  const change = useCallback((e: ChangeEvent<HTMLSelectElement>) => onChange(e.currentTarget.value || null), [onChange]);
  return <NativeSelect label={label} data={options} value={value ?? ''} onChange={change} disabled={disabled} w={w} />;
});

// A filter set by a link from the dashboard (seksi or none yet, keadaan, a step done): shown,
// and only to let go here.
function LinkedFilter({ label, value, clear }: { label: string; value: string; clear(): void }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Button variant="light" rightSection={<IconX size={14} />} onClick={clear} aria-label={`Hapus ${value} dari filter`} title={`Hapus filter ${label.toLowerCase()}`}>
        {value}
      </Button>
    </Stack>
  );
}

const FilterBar = memo(function FilterBar(f: FilterBarProps) {
  const { update } = f;
  const onYear = useCallback((v: string | null) => update({ year: v ? Number(v) : undefined }), [update]);
  const onMonth = useCallback((v: string | null) => update({ month: v ? Number(v) : undefined }), [update]);
  const onDateOf = useCallback((v: string | null) => update({ dateOf: v === 'selesai' ? 'selesai' : 'diterima' }), [update]);
  const onStatus = useCallback((v: string | null) => update({ status: (v ?? undefined) as RegisterFilters['status'] }), [update]);
  const onChannel = useCallback((v: string | null) => update({ channel: (v ?? undefined) as RegisterFilters['channel'] }), [update]);
  const onCategory = useCallback((v: string | null) => update({ category: (v ?? undefined) as RegisterFilters['category'] }), [update]);
  const yearOptions = useMemo(() => {
    const years = new Set(f.years ? f.years.split(',').map(Number) : []);
    if (f.year !== undefined) years.add(f.year);
    return [...years].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }));
  }, [f.years, f.year]);
  return (
    <Paper withBorder p="sm" radius="md">
      {/* The search has a row of its own, so its placeholder is never cut by the filters beside it. */}
      <SearchBox key={f.searchKey} onSettle={f.onSearch} focused={f.searchKey > 0} />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <FilterSelect label="Tahun" all="Semua tahun" data={yearOptions} value={f.year !== undefined ? String(f.year) : null} onChange={onYear} w={150} />
        <FilterSelect
          label="Bulan"
          all={f.year === undefined ? 'Pilih tahun dulu' : 'Semua bulan'}
          data={monthOptions}
          value={f.month !== undefined ? String(f.month) : null}
          onChange={onMonth}
          disabled={f.year === undefined}
          w={160}
        />
        <FilterSelect label="Tahun dan bulan menurut" data={dateOfOptions} value={f.dateOf} onChange={onDateOf} disabled={f.year === undefined} w={190} />
        <FilterSelect label="Status" all="Semua status" data={statusOptions} value={f.status ?? null} onChange={onStatus} w={160} />
        <FilterSelect label="Kanal" all="Semua kanal" data={channelOptions} value={f.channel ?? null} onChange={onChannel} w={160} />
        <FilterSelect label="Kategori" all="Semua kategori" data={categoryOptions} value={f.category ?? null} onChange={onCategory} w={185} />
        {f.seksi && <LinkedFilter label="Seksi" value={f.seksi} clear={() => update({ seksi: undefined })} />}
        {f.noSeksi && <LinkedFilter label="Seksi" value={NO_SEKSI_LABEL} clear={() => update({ noSeksi: undefined })} />}
        {f.keadaan && <LinkedFilter label="Keadaan" value={keadaanLabel(f.keadaan, f.akhirBulan)} clear={() => update({ keadaan: undefined, akhirBulan: undefined })} />}
        {f.langkah && <LinkedFilter label="Langkah standar" value={f.langkah} clear={() => update({ langkah: undefined })} />}
        {f.filtered && (
          <Button variant="subtle" px="xs" onClick={f.clear}>
            Hapus filter
          </Button>
        )}
        <Group ml="auto">
          <ExportSlot />
        </Group>
      </Group>
    </Paper>
  );
});

// The page's frame (title, the button to record a complaint) stays put; only the body
// follows the address, so a page change, a sort or a filter redraws neither the frame nor
// the menu beside it.
export function RegisterPage() {
  const { user } = useSession();
  const actions = useMemo(
    () =>
      user.role === 'staf' && (
        <Button component={Link} to="/pengaduan/baru">
          Catat pengaduan
        </Button>
      ),
    [user.role],
  );
  return (
    <Page title="Buku register pengaduan" subtitle="Semua pengaduan yang diterima, bernomor urut per tahun." actions={actions}>
      <RegisterBody />
    </Page>
  );
}

function RegisterBody() {
  const { user, office } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(() => readSearch().trim());
  // Bumped by "Hapus filter": a new search box, empty, with nothing pending.
  const [searchKey, setSearchKey] = useState(0);
  const filters = useMemo(() => readFilters(params, q), [params, q]);
  const list = useCall('complaints.list', toQuery(filters));

  // The handlers below read the latest filters from here, so they keep one identity and
  // the memoised parts they are handed need not re-render.
  const { prefetch } = list;
  const latest = useRef({ filters, setParams, prefetch });
  useLayoutEffect(() => {
    latest.current = { filters, setParams, prefetch };
  });

  // The previous list stays while the next one loads; it dims only when the answer is slow
  // to come, so a quick change touches neither its style nor its layer.
  const { loading } = list;
  const paramsKey = params.toString();
  const [slowFor, setSlowFor] = useState<string | null>(null);
  useEffect(() => {
    if (!loading) return;
    const timer = window.setTimeout(() => setSlowFor(paramsKey), SLOW_MS);
    return () => {
      clearTimeout(timer);
      setSlowFor(null);
    };
  }, [loading, paramsKey]);
  const dim = loading && slowFor === paramsKey;

  // Each change asks for its list first and moves the address once the answer is in, so
  // the new address and its rows show in one render, with nothing drawn in between. An
  // answer slower than SLOW_MS moves it anyway, and the list dims until the answer comes.
  // A change made meanwhile builds on the one still waiting. A search, "Hapus filter",
  // leaving the page or any other move of the address (Back, a link, a page still
  // loading) drops a change still waiting.
  const waiting = useRef<RegisterFilters | null>(null);
  useEffect(() => () => void (waiting.current = null), []);
  const update = useCallback((change: Partial<RegisterFilters>) => {
    const { filters: f, setParams: set, prefetch: early } = latest.current;
    const next = { ...(waiting.current ?? f), offset: 0, ...change };
    waiting.current = next;
    const from = window.location.href;
    const move = () => {
      if (waiting.current !== next) return;
      waiting.current = null;
      // A second click before the page shows its new rows asks for the page already in the
      // address (a double click on Berikutnya): it is not another entry in the history.
      const search = writeFilters(next);
      if (window.location.href === from && String(search) !== String(new URLSearchParams(window.location.search))) set(search);
    };
    const slow = window.setTimeout(move, SLOW_MS);
    void early(toQuery(next)).then(() => {
      clearTimeout(slow);
      move();
    });
  }, []);

  const onSort = useCallback(
    (field: SortField) => {
      const { sort, dir } = waiting.current ?? latest.current.filters;
      update(field === sort ? { dir: dir === 'asc' ? 'desc' : 'asc' } : { sort: field, dir: FIRST_DIR[field] });
    },
    [update],
  );

  const onSearch = useCallback((next: string) => {
    const { filters: shown, setParams: set, prefetch: early } = latest.current;
    // A filter still waiting for its answer goes with the search.
    const f = waiting.current ?? shown;
    if (next === f.q) return;
    waiting.current = null;
    void early(toQuery({ ...f, q: next, offset: 0 }));
    setQ(next);
    writeSearch(next);
    // A new search starts on the first page; replacing, not pushing, the address.
    // (A filter that was waiting gets its own entry in the history.)
    if (f !== shown || f.offset > 0) set(writeFilters({ ...f, q: next, offset: 0 }), { replace: f === shown });
  }, []);

  const clear = useCallback(() => {
    const { filters: f, setParams: set, prefetch: early } = latest.current;
    const next = { ...f, ...NO_FILTERS, q: '', offset: 0 };
    waiting.current = null;
    void early(toQuery(next));
    setQ('');
    writeSearch('');
    setSearchKey((k) => k + 1);
    set(writeFilters(next));
  }, []);

  const onOpen = useCallback((id: number) => void navigate(`/pengaduan/${id}`), [navigate]);
  const goTo = useCallback((next: number) => update({ offset: next }), [update]);
  // The pages beside the one shown, asked for before they are opened (pagesAhead.ts), with
  // the filters of a change still waiting, as its click will ask.
  const ahead = useCallback((next: number) => {
    const { filters: f, prefetch: early } = latest.current;
    void early(toQuery({ ...(waiting.current ?? f), offset: next }));
  }, []);

  const { offset, sort, dir } = filters;
  // The same query (by value) keeps its object, so a page change leaves the export button alone.
  const exportKey = JSON.stringify(toQuery({ ...filters, offset: 0 }));
  const exportQuery = useMemo(() => JSON.parse(exportKey) as ReturnType<typeof toQuery>, [exportKey]);
  const data = list.data;
  const total = data?.total ?? 0;
  // The count follows the rows shown: while the next page loads it still counts the last.
  const shownOffset = useMemo(() => (list.dataFor ? (JSON.parse(list.dataFor) as { offset?: number }).offset : undefined) ?? offset, [list.dataFor, offset]);
  const filtered = hasFilters(filters);
  usePagesAhead(prefetch, !loading && !list.error ? list.dataFor : undefined, total, PAGE_SIZE);

  // The early screen drawn at the start (lib/earlyScreen.ts) gives way in the frame that
  // draws the page's own rows, or its message (App removes it when another page opens).
  // The first page unfiltered, once shown, is saved as the next start's early screen.
  useLayoutEffect(() => {
    if (!loading) dismissEarlyScreen();
  }, [loading]);
  const palette = usePalette();
  const firstPage = !loading && !list.error && list.dataFor === FIRST_PAGE && total > 0;
  useEffect(() => {
    if (!firstPage) return;
    const timer = window.setTimeout(() => rememberEarlyScreen(user, paletteToSave(palette)), REMEMBER_AFTER_MS);
    return () => clearTimeout(timer);
  }, [firstPage, user, palette]);

  return (
    <>
      <ExportQuery value={exportQuery}>
        <FilterBar
          year={filters.year}
          month={filters.month}
          dateOf={filters.dateOf}
          seksi={filters.seksi}
          noSeksi={filters.noSeksi}
          keadaan={filters.keadaan}
          akhirBulan={filters.akhirBulan}
          langkah={filters.langkah && langkahLabel(filters.langkah)}
          status={filters.status}
          channel={filters.channel}
          category={filters.category}
          years={data?.years.join(',') ?? ''}
          filtered={filtered}
          searchKey={searchKey}
          onSearch={onSearch}
          update={update}
          clear={clear}
        />
      </ExportQuery>

      {!data ? (
        <Loading error={list.error} retry={list.reload} />
      ) : (
        // The previous list stays while the next one loads, so the page does not jump; it
        // dims only when the answer is slow to come (`dim` above).
        <div className={dim ? `${classes.rows} ${classes.busy}` : classes.rows} aria-busy={loading}>
          {list.error && (
            <Text c="red" size="sm" role="alert">
              Data terbaru tidak dapat dimuat: {list.error.message}
            </Text>
          )}
          {data.rows.length === 0 && shownOffset > 0 && total > 0 ? (
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
            <RegisterTable rows={data.rows} sort={sort} dir={dir} tz={office.timeZone} onSort={onSort} onOpen={onOpen} />
          )}
          <ListPager offset={shownOffset} shown={data.rows.length} total={total} pageSize={PAGE_SIZE} go={goTo} ahead={ahead} />
        </div>
      )}
    </>
  );
}

import type { FieldErrors, Resolver } from 'react-hook-form';
import { toNestErrors } from '@hookform/resolvers';
import type { ComplaintKind } from '../../../shared/domain';
import {
  serviceStandardSchema,
  validateStandard,
  type ClockStart,
  type ServiceStandard,
  type ServiceStandardInput,
  type Stage,
  type StandardDurationUnit,
} from '../../../shared/standards/schema';
import type { Executor } from '../../../shared/domain';

// The standard as the screen edits it: lists as one-per-line text, step numbers
// left out (a step's number is its place), an empty amount while the admin types.
// `toStandard` turns it back into the schema's shape; the schema checks the result.

interface DurationForm {
  amount: number | '';
  unit: StandardDurationUnit;
}

interface StepForm {
  activity: string;
  stage: Stage;
  executor: Executor;
  alternates: Executor[];
  duration: DurationForm;
  escalateTo: Executor | '';
  output: string;
  kelengkapan: string;
  note: string;
}

export interface StandardForm {
  code: string;
  name: string;
  office: string;
  skNumber: string;
  requirements: string;
  kelengkapanChecklist: string;
  channels: string;
  procedure: string;
  fee: string;
  product: string;
  total: DurationForm;
  clockStartsWhen: ClockStart;
  complaintKinds: ComplaintKind[];
  resolutionRecord: boolean;
  autoWithdrawHariKerja: number | '';
  steps: StepForm[];
}

const toLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
// Kelengkapan of a step: the standard lists short items, commas or lines between them.
const toItems = (text: string) =>
  text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
// An empty number box is "not filled", which the schema reports as such.
const num = (v: number | '') => (v === '' ? undefined : v);

export function fromStandard(s: ServiceStandard): StandardForm {
  return {
    code: s.code,
    name: s.name,
    office: s.office,
    skNumber: s.skNumber,
    requirements: s.requirements.join('\n'),
    kelengkapanChecklist: s.kelengkapanChecklist.join('\n'),
    channels: s.channels.join('\n'),
    procedure: s.procedure.join('\n'),
    fee: s.fee,
    product: s.product,
    total: { ...s.total },
    clockStartsWhen: s.clockStartsWhen,
    complaintKinds: [...s.complaintKinds],
    resolutionRecord: s.resolutionRecord,
    autoWithdrawHariKerja: s.autoWithdrawHariKerja,
    steps: s.steps.map(fromStep),
  };
}

function fromStep(st: ServiceStandard['steps'][number]): StepForm {
  return {
    activity: st.activity,
    stage: st.stage,
    executor: st.executor,
    alternates: [...st.alternates],
    duration: { ...st.duration },
    escalateTo: st.escalateTo ?? '',
    output: st.output,
    kelengkapan: st.kelengkapan.join(', '),
    note: st.note,
  };
}

export const newStep = (): StepForm => ({
  activity: '',
  stage: 'tindak_lanjut',
  executor: 'kasi',
  alternates: [],
  duration: { amount: 1, unit: 'hari_kerja' },
  escalateTo: '',
  output: '',
  kelengkapan: '',
  note: '',
});

function toStandard(f: StandardForm): ServiceStandardInput {
  return {
    code: f.code,
    name: f.name,
    office: f.office,
    skNumber: f.skNumber,
    requirements: toLines(f.requirements),
    kelengkapanChecklist: toLines(f.kelengkapanChecklist),
    channels: toLines(f.channels),
    procedure: toLines(f.procedure),
    fee: f.fee,
    product: f.product,
    total: { amount: num(f.total.amount) as number, unit: f.total.unit },
    clockStartsWhen: f.clockStartsWhen,
    complaintKinds: f.complaintKinds,
    resolutionRecord: f.resolutionRecord,
    autoWithdrawHariKerja: num(f.autoWithdrawHariKerja) as number,
    steps: f.steps.map((st, i) => ({
      no: i + 1,
      activity: st.activity,
      stage: st.stage,
      executor: st.executor,
      alternates: st.alternates,
      duration: { amount: num(st.duration.amount) as number, unit: st.duration.unit },
      ...(st.escalateTo ? { escalateTo: st.escalateTo } : {}),
      output: st.output,
      kelengkapan: toItems(st.kelengkapan),
      note: st.note,
    })),
  };
}

// The schema's path of a problem → the form field that shows it ('requirements.2' is
// a line of the requirements box; 'steps.1.no' cannot be typed, so it goes on the step's activity).
export function formFieldOf(path: string): string {
  const list = /^(requirements|kelengkapanChecklist|channels|procedure)\.\d+/.exec(path);
  if (list) return list[1]!;
  const stepList = /^(steps\.\d+\.(?:kelengkapan|alternates))\.\d+/.exec(path);
  if (stepList) return stepList[1]!;
  const no = /^steps\.(\d+)\.no$/.exec(path);
  if (no) return `steps.${no[1]}.activity`;
  return path === '' ? 'root' : path;
}

// The same checks the core makes (schema and the steps-versus-total rule), so the
// admin sees every problem at its field before anything is sent.
export const standardResolver: Resolver<StandardForm, unknown, ServiceStandard> = async (values, _context, options) => {
  const standard = toStandard(values);
  const problems = validateStandard(standard);
  if (problems.length === 0) return { values: serviceStandardSchema.parse(standard), errors: {} };
  const flat: FieldErrors = {};
  for (const p of problems) {
    const name = formFieldOf(p.field);
    flat[name] ??= { type: 'validation', message: p.message };
  }
  return { values: {}, errors: toNestErrors(flat, options) };
};

// 首页: new project from a blueprint (company profile filled in), samples, recent projects and search across them.
import { PlusOutlined } from '@ant-design/icons';
import { ContinueCard } from './ContinueCard.js';
import { Alert, App, Button, Card, Form, Input, Select } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Project } from '@core/model/project.js';
import type { ProjectHit, RecentSummary } from '@core/settings/recent.js';
import { api, errorMessage } from '../api.js';
import { useI18n } from '../i18n.js';
import '../settings/pages.css';
import type { ScreenProps } from '../screenProps.js';
import { openInComposer } from './handoff.js';
import { RecentList } from './RecentList.js';
import { useOnShown } from './useOnShown.js';

type Blueprint = { id: string; title: string; docType: string };
type Sample = { name: string; title: string; blueprint: string; documents?: string[] };

export function HomeScreen({ navigate }: Pick<ScreenProps, 'navigate'>) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [blueprints, setBlueprints] = useState<Blueprint[]>([]);
  const [samples, setSamples] = useState<Sample[]>([]);
  const [recent, setRecent] = useState<RecentSummary[]>([]);
  const [userName, setUserName] = useState('');
  const [hasProfile, setHasProfile] = useState(true);
  const [blueprint, setBlueprint] = useState<string | undefined>();
  const [title, setTitle] = useState('');
  const [creating, setCreating] = useState(false);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ProjectHit[] | null>(null);

  const fail = useCallback(
    (e: unknown) => message.error(t('home.failed', { message: errorMessage(e, locale) })),
    [message, t],
  );
  const root = useRef<HTMLDivElement>(null);
  // Other screens record projects and change settings while 首页 stays mounted: refresh when it is shown again.
  useOnShown(root, () => {
    api.listRecentProjects({}).then((r) => setRecent(r.projects), fail);
    api.getSettings({}).then((r) => {
      setUserName(r.settings.userName);
      setHasProfile(r.settings.company.name !== '');
    }, fail);
  });

  useEffect(() => {
    Promise.all([api.listBlueprints({}), api.listSamples({}), api.listRecentProjects({}), api.getSettings({})])
      .then(([b, s, r, st]) => {
        setBlueprints(b);
        setSamples(s);
        setRecent(r.projects);
        setUserName(st.settings.userName);
        setHasProfile(st.settings.company.name !== '');
        // The service plan is what most bids need; otherwise the first blueprint.
        setBlueprint((cur) => cur ?? (b.find((x) => x.id === 'service-plan') ?? b[0])?.id);
      })
      .catch(fail);
  }, [fail]);

  /** Remembers the project on 首页, then opens it in 编制 (`saved`: its file holds it as it is). */
  const open = useCallback(
    async (project: Project, path?: string, saved = false) => {
      await api
        .recordRecentProject({ project, ...(path ? { path } : {}), saved })
        .then((r) => setRecent(r.projects))
        .catch(() => undefined);
      openInComposer(project, path, saved);
      navigate('composer');
    },
    [navigate],
  );

  const create = async () => {
    if (!blueprint) return;
    setCreating(true);
    try {
      const { project } = await api.newProject({ blueprint, ...(title.trim() ? { title: title.trim() } : {}) });
      message.success(t('home.created', { title: project.title }));
      await open(project);
    } catch (e) {
      fail(e);
    } finally {
      setCreating(false);
    }
  };

  const openRecent = (id: string) =>
    api
      .openRecentProject({ id })
      .then((r) => open(r.project, r.path, r.saved))
      .catch(fail);

  const search = (q: string) => {
    setQuery(q);
    if (!q.trim()) return setHits(null);
    api
      .searchProjects({ query: q })
      .then((r) => setHits(r.hits))
      .catch(fail);
  };

  const blueprintTitle = (id: string) => blueprints.find((b) => b.id === id)?.title ?? id;

  return (
    <div className="bf-page" data-testid="home-screen" ref={root}>
      <div className="bf-page-head">
        <h1 className="bf-page-title">{userName ? t('home.hello', { name: userName }) : t('home.helloAnon')}</h1>
        <Input.Search
          className="bf-home-search"
          allowClear
          placeholder={t('home.searchPlaceholder')}
          aria-label={t('home.search')}
          onSearch={search}
          onChange={(e) => !e.target.value && search('')}
          data-testid="home-search"
        />
      </div>
      {!hasProfile && (
        <Alert
          className="bf-page-alert"
          type="info"
          showIcon
          title={t('home.profileMissing')}
          action={
            <Button size="small" onClick={() => navigate('settings')}>
              {t('home.goSettings')}
            </Button>
          }
        />
      )}
      <div className="bf-home-grid">
        <div className="bf-home-main">
          <ContinueCard last={recent[0]} onOpen={(id) => void openRecent(id)} onContinue={() => navigate('composer')} />
          {hits && (
            <Card
              className="bf-page-card"
              size="small"
              title={t('home.search')}
              extra={<span className="bf-muted">{t('home.searchHits', { count: hits.length })}</span>}
            >
              <RecentList
                items={hits}
                blueprintTitle={blueprintTitle}
                onOpen={(id) => void openRecent(id)}
                empty={t('home.searchNone', { query })}
                testId="search-hits"
              />
            </Card>
          )}
          <Card className="bf-page-card" size="small" title={t('home.recent')}>
            <RecentList
              items={recent}
              blueprintTitle={blueprintTitle}
              onOpen={(id) => void openRecent(id)}
              empty={t('home.recentEmpty')}
              testId="recent"
            />
          </Card>
        </div>
        <div className="bf-home-side">
          <Card className="bf-page-card" size="small" title={t('home.new')}>
            <p className="bf-muted bf-card-hint">{t('home.newHint')}</p>
            <Form layout="vertical" onFinish={() => void create()}>
              <Form.Item label={t('home.blueprint')}>
                <Select
                  data-testid="home-blueprint"
                  value={blueprint}
                  placeholder={t('home.blueprintPlaceholder')}
                  options={blueprints.map((b) => ({ value: b.id, label: b.title }))}
                  optionRender={(o) => <span data-testid={`home-blueprint-${String(o.value)}`}>{o.label}</span>}
                  onChange={setBlueprint}
                />
              </Form.Item>
              <Form.Item label={t('home.projectTitle')}>
                <Input
                  value={title}
                  maxLength={200}
                  placeholder={t('home.projectTitlePlaceholder')}
                  onChange={(e) => setTitle(e.target.value)}
                  data-testid="home-title"
                />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                icon={<PlusOutlined />}
                loading={creating}
                disabled={!blueprint}
                block
                data-testid="home-create"
              >
                {t('home.create')}
              </Button>
            </Form>
          </Card>
          <Card className="bf-page-card" size="small" title={t('home.samples')}>
            <ul className="bf-samples">
              {samples.map((s) => (
                <li key={s.name}>
                  <span className="bf-sample-text">
                    <span>{s.title}</span>
                    <span className="bf-muted">
                      {s.documents && s.documents.length > 1
                        ? t('home.samplePackage', { n: s.documents.length })
                        : blueprintTitle(s.blueprint)}
                    </span>
                  </span>
                  <Button
                    size="small"
                    onClick={() =>
                      void api
                        .openSample({ name: s.name })
                        .then((r) => open(r.project))
                        .catch(fail)
                    }
                    data-testid={`home-sample-${s.name}`}
                  >
                    {t('home.openSample')}
                  </Button>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </div>
    </div>
  );
}

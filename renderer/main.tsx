import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { BootError } from './app/BootError';
import { setClearway } from './app/clearway';
import { Providers } from './app/Providers';
import { useSession } from './app/sessionStore';
import { useSettings } from './app/settingsStore';
import { initI18n } from './i18n';
import { connectClearway } from './transport';
import './styles.css';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  try {
    const api = await connectClearway();
    setClearway(api);
    const [info, settings, session] = await Promise.all([
      api.invoke('cw:app.info'),
      api.invoke('cw:settings.get'),
      api.invoke('cw:auth.state'),
    ]);
    useSettings.getState().replace(settings);
    useSession.setState({ info, session });
    document.documentElement.dataset.theme = settings.theme;
    await initI18n(settings.locale);
    root.render(
      <StrictMode>
        <Providers>
          <App />
        </Providers>
      </StrictMode>,
    );
  } catch (error) {
    root.render(<BootError error={error} />);
  }
}

void start();

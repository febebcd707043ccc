import 'primeicons/primeicons.css';
import './app/app.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './app/App.vue';
import { createAppI18n } from './app/i18n';
import { installPrimeVue } from './app/primevue';
import { createAppRouter } from './app/router';

const i18n = createAppI18n();
const app = createApp(App).use(createPinia()).use(i18n);
installPrimeVue(app, i18n);
app.use(createAppRouter()).mount('#app');

import { createPinia } from 'pinia';
import { createApp } from 'vue';
import AppLayout from './app/AppLayout.vue';
import { createAppI18n } from './app/i18n';
import { createAppRouter } from './app/router';

createApp(AppLayout).use(createPinia()).use(createAppRouter()).use(createAppI18n()).mount('#app');
